package cn.zhibiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportLimits;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * {@code parse FILE...}: legacy forms in, one JSON array of declarations out. Each file succeeds or fails on its own:
 * the readable ones are printed, the others named on stderr with the reason, and the exit code says some failed.
 */
@Command(name = "parse", description = "读取旧申报表（文本、CSV、.docx、.doc、.xlsx、.xls、PDF），输出规范化的申报 JSON；读不了的文件在标准错误中说明，退出码 2")
final class ParseCommand extends SettingsCommand {

    @Parameters(paramLabel = "FILE", description = "旧申报表文件")
    private List<Path> files = new ArrayList<>();

    ParseCommand(CommandSettings settings, Io io) {
        super(settings, io);
    }

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            throw usage("请至少指定一个文件。");
        }
        FormImporter.Batch batch = new FormImporter(ImportLimits.from(settings)).readAll(files);
        batch.warnings().forEach(w -> io.err().println("警告：" + w));
        batch.failures().forEach(io.err()::println);
        if (batch.failures().size() < files.size()) {
            io.out().println(Json.mapper().writeValueAsString(batch.declarations()));
        }
        return batch.failures().isEmpty() ? 0 : Cli.EXIT_UNREADABLE;
    }
}
