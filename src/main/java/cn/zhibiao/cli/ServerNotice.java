package cn.zhibiao.cli;

import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.system.CommandSettings;

/** Tells the user, before a command reads the index, that the web server owns it and the command reads it read-only. */
final class ServerNotice {

    private ServerNotice() {
    }

    static void printIfServing(CommandSettings settings, Io io) {
        if (SimilarProjects.inUseByServer(settings)) {
            io.err().println("网页服务正在使用同一数据目录（" + settings.get("zhibiao.data-dir")
                    + "）：本命令以只读方式读取检索索引，结果为服务最近一次保存的内容。");
        }
    }
}
