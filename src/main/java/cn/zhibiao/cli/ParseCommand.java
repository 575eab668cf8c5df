package cn.zhibiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.ImportResult;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code parse FILE...}: legacy forms in, one JSON array of declarations out. */
@Command(name = "parse", description = "读取旧申报表（文本、.docx、.xlsx），输出规范化的申报 JSON")
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
        FormImporter importer = new FormImporter(settings.bytes("zhibiao.corpus.max-file-size"));
        List<Declaration> all = new ArrayList<>();
        int exit = 0;
        for (Path file : files) {
            try {
                ImportResult result = importer.read(file);
                all.addAll(result.declarations());
                result.warnings().forEach(w -> io.err().println("警告：" + w));
            } catch (ImportException e) {
                io.err().println(e.getMessage());
                exit = Cli.EXIT_UNREADABLE;
            }
        }
        if (exit == 0) {
            io.out().println(Json.mapper().writeValueAsString(all));
        }
        return exit;
    }
}
