package cn.zhibiao.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command, described in Chinese. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助并退出")
    boolean help;
}
