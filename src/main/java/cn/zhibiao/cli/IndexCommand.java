package cn.zhibiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.system.CommandSettings;

/** {@code index [--rebuild]}: opens (building if needed) the retrieval index; --rebuild indexes the corpus again. */
@Command(name = "index", description = "建立检索索引（已有则检查可用）")
final class IndexCommand extends SettingsCommand {

    @Option(names = "--rebuild", description = "从语料重新建立索引（须先停止网页服务）")
    private boolean rebuild;

    IndexCommand(CommandSettings settings, Io io) {
        super(settings, io);
    }

    @Override
    public Integer call() {
        if (SimilarProjects.inUseByServer(settings)) {
            io.err().println("网页服务正在使用同一数据目录（" + settings.get("zhibiao.data-dir")
                    + "）的检索索引：它已就绪；" + (rebuild ? "要重建请先停止服务。" : "无需再建。"));
            return rebuild ? Cli.EXIT_FAILURE : 0;
        }
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            if (rebuild) {
                projects.rebuild();
            }
            io.err().println(rebuild ? "检索索引已从语料重新建立。" : "检索索引已就绪。");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
