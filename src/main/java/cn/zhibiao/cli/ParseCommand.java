package cn.zhibiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.ImportResult;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code parse FILE...}: legacy forms in, one JSON array of declarations out. */
final class ParseCommand implements Cli.Command {

    private final FormImporter importer;

    ParseCommand(CommandSettings settings) {
        this.importer = new FormImporter(settings.bytes("zhibiao.corpus.max-file-size"));
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public String usage() {
        return "FILE...    读取旧申报表（文本、.docx、.xlsx），输出规范化的申报 JSON";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (args.isEmpty()) {
            throw new Cli.UsageException("请至少指定一个文件。");
        }
        List<Declaration> all = new ArrayList<>();
        int exit = 0;
        for (String file : args) {
            try {
                ImportResult result = importer.read(Path.of(file));
                all.addAll(result.declarations());
                result.warnings().forEach(w -> err.println("警告：" + w));
            } catch (ImportException e) {
                err.println(e.getMessage());
                exit = Cli.EXIT_UNREADABLE;
            }
        }
        if (exit == 0) {
            out.println(Json.mapper().writeValueAsString(all));
        }
        return exit;
    }
}
