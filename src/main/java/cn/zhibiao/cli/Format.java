package cn.zhibiao.cli;

import picocli.CommandLine.Option;

/** {@code --json} of the commands that print results: tables are for a person at a terminal, JSON for everything else. */
final class Format {

    @Option(names = "--json", description = "输出 JSON（供脚本使用；输出不是终端时默认如此）")
    boolean json;

    boolean tables(Io io) {
        return io.terminal() && !json;
    }
}
