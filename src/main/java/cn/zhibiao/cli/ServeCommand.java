package cn.zhibiao.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/** {@code serve [--server.port=8081 …]}: the web panel with its database; the only command that starts them. */
@Command(name = Cli.SERVE, description = "启动网页服务和内嵌数据库（不带任何参数运行时也是如此）；其后的 --key=value 作为 Spring 配置")
final class ServeCommand implements Callable<Integer> {

    private final Consumer<String[]> server;

    @Mixin
    private HelpOption help;

    /** Spring's own arguments (--server.port=8081, --spring.profiles.active=…), passed through untouched. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    ServeCommand(Consumer<String[]> server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        server.accept(springArguments.toArray(String[]::new));
        return Cli.SERVING;
    }
}
