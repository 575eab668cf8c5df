package cn.zhibiao.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.system.CommandSettings;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads legacy 绩效目标 forms into declarations: text exports (tab-separated or CSV, UTF-8/GB18030/UTF-16), Word
 * (.docx, .doc), Excel (.xlsx, .xls) and text-based PDF. Every format becomes rows; indicator tables are then found by
 * their header row and read by {@link ProjectForms}, whatever the form is titled. The 2019 专项资金 tables (one column
 * per 二级指标), 部门整体支出 forms and text exports of the 2021 审核表 whose merged cells were dropped keep their own
 * readers; 编报说明 sections are left to {@link InstructionReader}. Hostile files are refused before they are parsed
 * ({@link ImportLimits}).
 */
public final class FormImporter {

    private static final HeaderVocabulary VOCABULARY = HeaderVocabulary.get();

    private final ImportLimits limits;

    public FormImporter(ImportLimits limits) {
        this.limits = limits;
        ZipGuard.configurePoi(limits);
    }

    /** The limits of {@code application.yaml}, with this file-size limit. */
    public FormImporter(long maxBytes) {
        this(ImportLimits.from(CommandSettings.load()).withMaxFileBytes(maxBytes));
    }

    public ImportResult read(Path file) throws ImportException {
        return read(file.getFileName().toString(), bytes(file, limits.maxFileBytes()));
    }

    /** A file's content, refused with a message naming it when it is missing, unreadable or over {@code maxBytes}. */
    public static byte[] bytes(Path file, long maxBytes) throws ImportException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ImportException(name, "文件大小 " + ZipGuard.megabytes(size) + " 超过上限 "
                        + ZipGuard.megabytes(maxBytes));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "文件不存在");
        } catch (IOException e) {
            throw new ImportException(name, "读取失败（" + e.getMessage() + "）", e);
        }
    }

    /**
     * Reads each file on its own: the declarations of the files that could be read, and one Chinese reason for each
     * file that could not, so that one bad file does not cost the others.
     */
    public Batch readAll(List<Path> files) {
        List<Declaration> declarations = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                ImportResult result = read(file);
                declarations.addAll(result.declarations());
                warnings.addAll(result.warnings());
            } catch (ImportException e) {
                failures.add(e.getMessage());
            } catch (RuntimeException e) {
                failures.add(new ImportException(file.getFileName().toString(), "文件内容无法识别，已跳过").getMessage());
            }
        }
        return new Batch(declarations, warnings, failures);
    }

    /**
     * Unpacks an uploaded .zip of forms under the importer's limits (entry count, unpacked size, inflate ratio), handing
     * each file to {@code sink} by its path inside the archive; a hostile or broken archive is refused as a whole.
     */
    public void unpack(String name, byte[] zip, ArchiveSink sink) throws ImportException {
        ZipGuard.unpack(name, zip, limits, sink::accept);
    }

    /** Where {@link #unpack} puts each file of an archive. */
    public interface ArchiveSink {
        void accept(String path, byte[] content) throws IOException;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** What a multi-file read produced: declarations and warnings of the good files, one line per failed file. */
    public record Batch(List<Declaration> declarations, List<ImportWarning> warnings, List<String> failures) {

        public Batch {
            declarations = List.copyOf(declarations);
            warnings = List.copyOf(warnings);
            failures = List.copyOf(failures);
        }
    }

    public ImportResult read(String name, byte[] bytes) throws ImportException {
        Warnings warnings = new Warnings(name);
        List<Row> rows = rows(name, bytes, limits, warnings);
        List<Declaration> declarations = declarations(name, rows, warnings);
        if (declarations.isEmpty()) {
            throw new ImportException(name, "未找到可识别的绩效目标表（需要一张带“三级指标/指标名称”和“指标值”等表头的指标表，"
                    + "或专项资金绩效目标表、部门整体支出绩效申报表）");
        }
        return new ImportResult(declarations, warnings.list());
    }

    /** The rows of any supported format; also used to read the 编报说明 sections. */
    static List<Row> rows(String name, byte[] bytes, ImportLimits limits, Warnings warnings) throws ImportException {
        if (bytes.length > limits.maxFileBytes()) {
            throw new ImportException(name, "文件大小 " + ZipGuard.megabytes(bytes.length) + " 超过上限 "
                    + ZipGuard.megabytes(limits.maxFileBytes()));
        }
        if (bytes.length == 0) {
            throw new ImportException(name, "文件为空");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = TextDecoder.startsWith(bytes, 'P', 'K', 3, 4);
        boolean ole2 = TextDecoder.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0);
        boolean pdf = TextDecoder.startsWith(bytes, '%', 'P', 'D', 'F');
        List<Row> rows;
        try {
            if (zip) {
                rows = ooxml(name, bytes, limits);
            } else if (ole2) {
                rows = ole2(name, bytes, limits);
            } else if (pdf) {
                rows = PdfReader.read(name, bytes, limits);
            } else if (lower.matches(".*\\.(docx|xlsx|doc|xls|pdf)")) {
                String extension = lower.substring(lower.lastIndexOf('.'));
                String kind = extension.startsWith(".doc") ? "Word" : extension.startsWith(".xls") ? "Excel" : "PDF";
                throw new ImportException(name, "不是有效的 " + kind + " (" + extension + ") 文件（文件已损坏或只是改了扩展名）");
            } else {
                rows = text(name, lower, bytes, limits, warnings);
            }
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new ImportException(name, "文件已加密（设置了打开密码），请在 Office/WPS 中去掉密码后再导入", e);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(name, "文件不完整或已损坏，无法打开（请在 Office/WPS 中打开后另存一份再导入）", e);
        }
        for (Row row : rows) {
            for (String cell : row.cells()) {
                if (cell.length() > limits.maxLineLength()) {
                    throw new ImportException(name, "第" + row.line() + "行有一个单元格长达 " + cell.length() + " 个字符，超过上限 "
                            + limits.maxLineLength() + "（zhibiao.corpus.max-line-length），已拒绝");
                }
            }
        }
        return rows;
    }

    private static List<Row> ooxml(String name, byte[] bytes, ImportLimits limits)
            throws ImportException, IOException {
        Set<String> entries = ZipGuard.check(name, bytes, limits);
        if (entries.contains("word/document.xml")) {
            return OfficeFormReader.docx(new java.io.ByteArrayInputStream(bytes));
        }
        if (entries.contains("xl/workbook.xml")) {
            return XlsxReader.read(name, bytes, limits);
        }
        throw new ImportException(name, "压缩包中既没有 Word 文档也没有 Excel 工作簿");
    }

    /** Binary Office: .doc, .xls, or an encrypted .docx/.xlsx (which Office stores in an OLE2 container). */
    private static List<Row> ole2(String name, byte[] bytes, ImportLimits limits) throws ImportException, IOException {
        POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(bytes));
        Set<String> entries = fs.getRoot().getEntryNames();
        if (entries.contains("EncryptionInfo") || entries.contains("EncryptedPackage")) {
            throw new ImportException(name, "文件已加密（设置了打开密码），请在 Office/WPS 中去掉密码后再导入");
        }
        if (entries.contains("WordDocument")) {
            return OfficeFormReader.doc(fs);
        }
        if (entries.contains("Workbook") || entries.contains("Book")) {
            return OfficeFormReader.xls(name, fs, limits);
        }
        throw new ImportException(name, "不是 Word 或 Excel 文件（旧版 Office 容器中没有文档或工作簿）");
    }

    private static List<Row> text(String name, String lower, byte[] bytes, ImportLimits limits, Warnings warnings)
            throws ImportException {
        String text = TextDecoder.decode(bytes).orElseThrow(() -> new ImportException(name,
                "不是可识别的文件（不是 Word、Excel、PDF，也不是 UTF-8、GB18030/GBK 或 UTF-16 编码的文本）"));
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > limits.maxLineLength()) {
                throw new ImportException(name, "第" + line + "行超过 " + limits.maxLineLength()
                        + " 个字符（zhibiao.corpus.max-line-length），不像一张申报表，已拒绝");
            }
        }
        return lower.endsWith(".csv") ? TextFormReader.csv(text) : TextFormReader.read(text, warnings);
    }


    private static List<Declaration> declarations(String source, List<Row> rows, Warnings warnings) {
        String documentText = rows.stream().map(Row::text).collect(Collectors.joining("\n"));
        FormContext context = new FormContext(source, Regions.find(documentText),
                Labels.value(rows, "单位名称").orElse(null), documentYear(rows));
        List<Declaration> result = new ArrayList<>();
        List<Declaration> departments = new ArrayList<>();
        for (List<Row> part : sheets(rows)) {
            String sheet = part.getFirst().sheet();
            FormContext partContext = context.withYear(documentYear(part));
            int before = result.size() + departments.size();
            read(Section.split(part), partContext, result, departments, warnings);
            if (sheet != null && result.size() + departments.size() == before && part.stream().anyMatch(r -> !r.isBlank())) {
                warnings.add(part.getFirst().line(), VOCABULARY.isSummary(sheet)
                        ? "工作表“" + sheet + "”是汇总表，不是单个项目的申报表，未作为项目读取"
                        : "工作表“" + sheet + "”中没有找到绩效指标表，未读取");
            }
        }
        result.addAll(departments);
        return withoutRepeats(result, warnings);
    }

    /** The rows of each workbook sheet; a document without sheets is one part. */
    private static List<List<Row>> sheets(List<Row> rows) {
        List<List<Row>> parts = new ArrayList<>();
        String current = null;
        for (Row row : rows) {
            if (parts.isEmpty() || !java.util.Objects.equals(row.sheet(), current)) {
                parts.add(new ArrayList<>());
                current = row.sheet();
            }
            parts.getLast().add(row);
        }
        return parts;
    }

    private static void read(List<Section> sections, FormContext context, List<Declaration> result,
            List<Declaration> departments, Warnings warnings) {
        sections.stream()
                .filter(s -> s.kind() == Section.Kind.DEPARTMENT)
                .map(s -> DepartmentFormLayout.parse(s.rows(), context))
                .forEach(departments::add);
        List<SpecialFundLayout.SummaryRow> summary = new ArrayList<>();
        String summaryDepartment = null;
        List<Row> forms = new ArrayList<>();
        for (Section section : sections) {
            switch (section.kind()) {
                case SUMMARY -> {
                    summary.addAll(SpecialFundLayout.summary(section.rows(), warnings));
                    summaryDepartment = SpecialFundLayout.headerDepartment(section.rows());
                }
                case DIRECTIONS -> {
                    String department = summaryDepartment != null ? summaryDepartment
                            : departments.stream().map(Declaration::department).findFirst().orElse(null);
                    result.addAll(SpecialFundLayout.directions(section.rows(), summary,
                            context.withDepartment(department), warnings));
                    summary.clear();
                }
                case REVIEW -> {
                    if (ReviewFormLayout.isTextExport(section.rows())) {
                        result.add(ReviewFormLayout.parse(section.rows(), context, warnings));
                    } else {
                        forms.addAll(section.rows());
                    }
                }
                case PROJECT, OTHER -> forms.addAll(section.rows());
                case DEPARTMENT, INSTRUCTIONS -> {
                }
            }
        }
        if (!summary.isEmpty()) {
            result.addAll(SpecialFundLayout.directions(List.of(), summary,
                    context.withDepartment(summaryDepartment), warnings));
        }
        result.addAll(ProjectForms.read(forms, context, warnings));
    }

    /** Exports sometimes repeat a whole table; the repeat is reported, not imported twice. */
    private static List<Declaration> withoutRepeats(List<Declaration> declarations, Warnings warnings) {
        Set<Declaration> seen = new LinkedHashSet<>();
        for (Declaration d : declarations) {
            if (d.projectName() == null || d.projectName().isBlank()) {
                warnings.add(0, "有一张表没有填写项目名称，已跳过");
                continue;
            }
            if (!seen.add(d)) {
                warnings.add(0, "“" + d.projectName() + "”的表格重复出现，只读取一次");
            }
        }
        return seen.stream()
                .sorted(java.util.Comparator.comparing(d -> d.kind() == DeclarationKind.DEPARTMENT))
                .toList();
    }

    private static Integer documentYear(List<Row> rows) {
        return rows.stream()
                .filter(r -> r.paragraph() || r.nonEmpty().size() == 1)
                .limit(12)
                .map(r -> FormContext.yearIn(r.text()))
                .filter(y -> y != null)
                .findFirst()
                .orElse(null);
    }

}
