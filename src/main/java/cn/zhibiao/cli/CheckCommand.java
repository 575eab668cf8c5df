package cn.zhibiao.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.DeclarationJson;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.InvalidDeclarationException;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.Severity;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * {@code check FILE...}: legacy forms or declaration JSON in (told apart by content), one report per declaration
 * out, in input order. Files are read and checked in parallel but printed as soon as every earlier file is done, with
 * at most a few files per thread in memory: a corpus of any size streams through. Findings are a report, so the exit
 * code is 0 whenever every file could be read; otherwise 2, after the reports of the files that could be.
 */
@Command(name = "check", description = "检查申报 JSON 或旧申报表中的绩效指标，逐个申报输出检查结果（行、指标、问题、改法）")
final class CheckCommand extends SettingsCommand {

    /** Files read ahead of the one being printed, per thread: enough to keep every core busy, few enough to stream. */
    private static final int FILES_AHEAD_PER_THREAD = 4;


    @Mixin
    private Format format;

    @Parameters(paramLabel = "FILE", description = "申报 JSON，或旧申报表（文本、.docx、.xlsx）")
    private List<Path> files = new ArrayList<>();

    CheckCommand(CommandSettings settings, Io io) {
        super(settings, io);
    }

    /** One declaration's findings, as printed. */
    record Report(String source, String projectName, List<Finding> findings) {
    }

    /** What one file gave: its reports rendered for printing, or the one-line reason it could not be read. */
    private record Outcome(List<String> printed, String error) {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (files.isEmpty()) {
            throw usage("请至少指定一个文件。");
        }
        long maxBytes = settings.bytes("zhibiao.corpus.max-file-size");
        FormImporter importer = new FormImporter(maxBytes);
        RuleChecker checker = RuleChecker.fromSettings(settings);
        boolean tables = format.tables(io);
        Function<Report, String> render = tables ? CheckCommand::table : report -> Json.mapper().writeValueAsString(report);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("check-", 0).daemon().factory());
        Deque<Future<Outcome>> ahead = new ArrayDeque<>();
        Printer printer = new Printer(tables);
        try {
            for (Path file : files) {
                ahead.add(pool.submit(() -> check(file, maxBytes, importer, checker, render)));
                if (ahead.size() >= threads * FILES_AHEAD_PER_THREAD) {
                    printer.print(ahead.poll());
                }
            }
            while (!ahead.isEmpty()) {
                printer.print(ahead.poll());
            }
        } finally {
            pool.shutdownNow();
        }
        return printer.finish();
    }

    private static Outcome check(Path file, long maxBytes, FormImporter importer, RuleChecker checker,
            Function<Report, String> render) {
        String name = file.getFileName().toString();
        try {
            List<String> printed = new ArrayList<>();
            for (Declaration declaration : read(file, maxBytes, importer)) {
                String source = declaration.source() != null ? declaration.source() : name;
                printed.add(render.apply(new Report(source, declaration.projectName(), checker.check(declaration))));
            }
            return new Outcome(printed, null);
        } catch (ImportException e) {
            return new Outcome(List.of(), e.getMessage());
        } catch (InvalidDeclarationException e) {
            return new Outcome(List.of(), "无法读取文件“" + name + "”：" + e.getMessage());
        }
    }

    private static List<Declaration> read(Path file, long maxBytes, FormImporter importer)
            throws ImportException, InvalidDeclarationException {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                throw new ImportException(name, "文件超过上限 " + maxBytes / (1024 * 1024) + "MB（zhibiao.corpus.max-file-size）");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "文件不存在");
        } catch (IOException e) {
            throw new ImportException(name, "读取失败（" + e.getMessage() + "）", e);
        }
        return DeclarationJson.looksLikeJson(bytes) ? DeclarationJson.read(bytes) : importer.read(name, bytes).declarations();
    }

    private static String table(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.println("《" + report.projectName() + "》（" + report.source() + "）");
        if (report.findings().isEmpty()) {
            out.println("未发现问题。");
        } else {
            Table table = new Table("行", "指标", "问题", "改法");
            for (Finding f : report.findings()) {
                table.row(f.indicatorIndex() == null ? "整体" : String.valueOf(f.indicatorIndex() + 1),
                        f.name() == null ? "" : f.name(), severity(f.severity()) + f.message(),
                        f.suggestion());
            }
            table.print(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "【错误】";
            case WARNING -> "【警告】";
            case INFO -> "【提示】";
        };
    }

    /** Prints outcomes in input order: JSON as one array (as before streaming), tables one after another. */
    private final class Printer {

        private final boolean tables;
        private int printed;
        private int exit;

        Printer(boolean tables) {
            this.tables = tables;
        }

        void print(Future<Outcome> next) throws InterruptedException {
            Outcome outcome;
            try {
                outcome = next.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("检查失败：" + e.getCause().getMessage(), e.getCause());
            }
            if (outcome.error() != null) {
                io.err().println(outcome.error());
                exit = Cli.EXIT_UNREADABLE;
            }
            for (String report : outcome.printed()) {
                if (tables) {
                    io.out().print((printed == 0 ? "" : System.lineSeparator()) + report);
                } else {
                    io.out().print((printed == 0 ? "[ " : ", ") + report);
                }
                printed++;
            }
        }

        /**
         * Closes the JSON array, spaced as Json.mapper() prints a whole list (the output before streaming); when
         * nothing could be read, stdout stays empty.
         */
        int finish() {
            if (!tables && (printed > 0 || exit == 0)) {
                io.out().println(printed == 0 ? "[ ]" : " ]");
            }
            io.out().flush();
            return exit;
        }
    }
}
