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

/**
 * Reads legacy 绩效目标 forms (text exports, .docx, .xlsx) into declarations. The document is cut into sections at
 * the form titles; each section is read by the parser of its layout; 编报说明 sections are left to
 * {@link InstructionReader}.
 */
public final class FormImporter {

    private final long maxBytes;

    public FormImporter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public ImportResult read(Path file) throws ImportException {
        return read(file.getFileName().toString(), bytes(file, maxBytes));
    }

    /** A file's content, refused with a message naming it when it is missing, unreadable or over {@code maxBytes}. */
    public static byte[] bytes(Path file, long maxBytes) throws ImportException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ImportException(name, "文件大小 " + megabytes(size) + " 超过上限 " + megabytes(maxBytes));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "文件不存在");
        } catch (IOException e) {
            throw new ImportException(name, "读取失败（" + e.getMessage() + "）", e);
        }
    }

    public ImportResult read(String name, byte[] bytes) throws ImportException {
        Warnings warnings = new Warnings(name);
        List<Row> rows = rows(name, bytes, maxBytes, warnings);
        List<Declaration> declarations = declarations(name, rows, warnings);
        if (declarations.isEmpty()) {
            throw new ImportException(name, "未找到可识别的绩效目标表（支持：专项资金绩效目标表、项目资金绩效目标申报表、"
                    + "项目支出绩效目标申报审核表、部门整体支出绩效申报表）");
        }
        return new ImportResult(declarations, warnings.list());
    }

    /** The rows of any supported format; also used to read the 编报说明 sections. */
    static List<Row> rows(String name, byte[] bytes, long maxBytes, Warnings warnings) throws ImportException {
        if (bytes.length > maxBytes) {
            throw new ImportException(name, "文件大小 " + megabytes(bytes.length) + " 超过上限 " + megabytes(maxBytes));
        }
        if (bytes.length == 0) {
            throw new ImportException(name, "文件为空");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole2 = bytes.length > 3 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF;
        if (ole2) {
            throw new ImportException(name, "不支持旧版 .doc/.xls 格式，请在 Office/WPS 中另存为 .docx 或 .xlsx 后再导入");
        }
        if ((lower.endsWith(".docx") || lower.endsWith(".xlsx")) && !zip) {
            throw new ImportException(name, "不是有效的 " + (lower.endsWith(".docx") ? "Word (.docx)" : "Excel (.xlsx)")
                    + " 文件（文件已损坏或只是改了扩展名）");
        }
        try {
            if (zip) {
                String entries = zipEntries(bytes);
                if (entries.contains("word/document.xml")) {
                    return OfficeFormReader.docx(bytes);
                }
                if (entries.contains("xl/workbook.xml")) {
                    return OfficeFormReader.xlsx(bytes);
                }
                throw new ImportException(name, "压缩包中既没有 Word 文档也没有 Excel 工作簿");
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportException(name, "Office 文件已损坏，无法打开（" + e.getClass().getSimpleName() + "）", e);
        }
        String text = TextDecoder.decode(bytes).orElseThrow(() -> new ImportException(name,
                "不是可识别的文本文件（既不是 UTF-8、GB18030/GBK，也不是 UTF-16 编码，可能是二进制文件）"));
        return TextFormReader.read(text, warnings);
    }

    private static String zipEntries(byte[] bytes) throws IOException {
        StringBuilder names = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            java.util.zip.ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.append(entry.getName()).append('\n');
            }
        }
        return names.toString();
    }

    private static List<Declaration> declarations(String source, List<Row> rows, Warnings warnings) {
        List<Section> sections = Section.split(rows);
        String documentText = rows.stream().map(Row::text).collect(Collectors.joining("\n"));
        FormContext context = new FormContext(source, Regions.find(documentText),
                Labels.value(rows, "单位名称").orElse(null), documentYear(rows));

        List<Declaration> departments = sections.stream()
                .filter(s -> s.kind() == Section.Kind.DEPARTMENT)
                .map(s -> DepartmentFormLayout.parse(s.rows(), context))
                .toList();
        List<Declaration> result = new ArrayList<>();
        List<SpecialFundLayout.SummaryRow> summary = new ArrayList<>();
        String summaryDepartment = null;
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
                case PROJECT -> result.add(ProjectFormLayout.parse(section.rows(), context, warnings));
                case REVIEW -> result.add(ReviewFormLayout.parse(section.rows(), context, warnings));
                case DEPARTMENT, INSTRUCTIONS, OTHER -> {
                }
            }
        }
        if (!summary.isEmpty()) {
            result.addAll(SpecialFundLayout.directions(List.of(), summary,
                    context.withDepartment(summaryDepartment), warnings));
        }
        result.addAll(departments);
        return withoutRepeats(result, warnings);
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

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
