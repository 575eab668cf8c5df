package cn.zhibiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import cn.zhibiao.bulk.JobView;
import cn.zhibiao.bulk.LocalBulk;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * {@code bulk DIR|ZIP|FILES... --out result.xlsx [--json result.json] [--improve]}: the bulk job of the panel, run
 * here with a short-lived embedded database (or the configured one): progress on stderr, the annotated workbook (and
 * the JSON of all reports) written, a summary JSON on stdout.
 */
@Command(name = "bulk", description = "批量检查旧申报表：每份申报逐条检查，为有问题的指标给出替换建议，输出带标注的 Excel 工作簿"
        + "（每个部门一张表和一张汇总表）；标准错误上显示进度，标准输出为汇总 JSON")
final class BulkCommand extends SettingsCommand {

    @Parameters(paramLabel = "DIR|ZIP|FILE", arity = "1..*", description = "申报表文件、文件夹（含子文件夹）或 .zip 压缩包")
    private List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "结果.xlsx", description = "输出的 Excel 工作簿")
    private Path out;

    @Option(names = "--json", paramLabel = "结果.json", description = "另存全部报告的 JSON")
    private Path json;

    @Option(names = "--improve", description = "报告中另附改进后的申报：有替换建议的指标换成建议，其余保留")
    private boolean improve;

    private final boolean stderrTerminal;

    BulkCommand(CommandSettings settings, Io io, boolean stderrTerminal) {
        super(settings, io);
        this.stderrTerminal = stderrTerminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<LocalBulk.Input> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                io.err().println("文件或文件夹不存在：" + input);
                return Cli.EXIT_UNREADABLE;
            }
            files.addAll(expand(input));
        }
        if (files.isEmpty()) {
            io.err().println("文件夹中没有文件：" + inputs);
            return Cli.EXIT_UNREADABLE;
        }
        ServerNotice.printIfServing(settings, io);
        ProgressBar bar = new ProgressBar(io.err(), stderrTerminal);
        Map<String, Object> summary = new LinkedHashMap<>();
        LocalBulk.run(settings, files, improve, settings.duration("zhibiao.bulk.progress-interval"), bar::show,
                outcome -> {
                    bar.finish();
                    JobView job = outcome.job();
                    summary.put("status", job.status());
                    summary.put("declarations", job.total());
                    summary.put("counts", job.counts());
                    summary.put("throughput", job.throughput());
                    summary.put("skippedFiles", job.files().stream().filter(f -> "SKIPPED".equals(f.status()))
                            .map(f -> Map.of("file", f.name(), "reason", f.reason())).toList());
                    summary.put("failures", outcome.failures());
                    if (Files.isRegularFile(outcome.workbook())) {
                        summary.put("workbook", copy(outcome.workbook(), out).toString());
                    }
                    if (json != null && Files.isRegularFile(outcome.report())) {
                        summary.put("json", copy(outcome.report(), json).toString());
                    }
                });
        io.out().println(Json.mapper().writeValueAsString(summary));
        if (!"COMPLETED".equals(summary.get("status"))) {
            io.err().println("批量任务未完成（" + summary.get("status") + "），未生成工作簿。");
            return Cli.EXIT_FAILURE;
        }
        boolean clean = ((List<?>) summary.get("skippedFiles")).isEmpty() && ((List<?>) summary.get("failures")).isEmpty();
        return clean ? 0 : Cli.EXIT_UNREADABLE;
    }

    /** A folder is every file beneath it (not hidden ones), in name order, named by its path from the folder. */
    private static List<LocalBulk.Input> expand(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(new LocalBulk.Input(input.getFileName().toString(), input.toAbsolutePath()));
        }
        Path base = input.toAbsolutePath().normalize();
        Path label = base.getFileName() == null ? Path.of("") : base.getFileName();
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(base.relativize(p)))
                    .sorted()
                    .map(p -> new LocalBulk.Input(label.resolve(base.relativize(p)).toString(), p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取文件夹 " + input + "：" + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Path copy(Path from, Path to) {
        try {
            Path target = to.toAbsolutePath();
            Files.createDirectories(target.getParent());
            return Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + to + "：" + e.getMessage(), e);
        }
    }
}
