package cn.zhibiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.system.CommandSettings;

/** {@code index [--rebuild]}: opens (building if needed) the retrieval index; --rebuild indexes the corpus again. */
final class IndexCommand implements Cli.Command {

    private final CommandSettings settings;

    IndexCommand(CommandSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String usage() {
        return "[--rebuild]    建立检索索引；--rebuild 从语料重新建立";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        boolean rebuild = args.contains("--rebuild");
        if (args.size() > (rebuild ? 1 : 0)) {
            throw new Cli.UsageException("无法识别的参数：" + args);
        }
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            if (rebuild) {
                projects.rebuild();
            }
            err.println(rebuild ? "检索索引已从语料重新建立。" : "检索索引已就绪。");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
