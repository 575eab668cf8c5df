package cn.zhibiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportLimits;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code parse FILE...}: legacy forms in, one JSON array of declarations out. */
final class ParseCommand implements Cli.Command {

    private final FormImporter importer;

    ParseCommand(CommandSettings settings) {
        this.importer = new FormImporter(ImportLimits.from(settings));
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public String usage() {
        return "FILE...    读取旧申报表（文本、CSV、.docx、.doc、.xlsx、.xls、PDF），输出规范化的申报 JSON；读不了的文件在标准错误中说明，退出码 2";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (args.isEmpty()) {
            throw new Cli.UsageException("请至少指定一个文件。");
        }
        FormImporter.Batch batch = importer.readAll(args.stream().map(Path::of).toList());
        batch.warnings().forEach(w -> err.println("警告：" + w));
        batch.failures().forEach(err::println);
        if (batch.failures().size() < args.size()) {
            out.println(Json.mapper().writeValueAsString(batch.declarations()));
        }
        return batch.failures().isEmpty() ? 0 : Cli.EXIT_UNREADABLE;
    }
}
