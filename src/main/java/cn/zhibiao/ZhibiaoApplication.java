package cn.zhibiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.zhibiao.cli.Cli;
import cn.zhibiao.system.CommandSettings;

/**
 * {@code serve} (or no arguments) starts the web panel with its database; every other command runs without the
 * server, the database or the Spring context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibiaoApplication {

    public static void main(String[] args) {
        Cli cli = new Cli(CommandSettings.load(), ZhibiaoApplication::serve, Cli.stdoutIsTerminal());
        int exit = cli.run(args.length == 0 ? new String[] {Cli.SERVE} : args, System.out, System.err);
        if (exit != Cli.SERVING) {
            System.exit(exit);
        }
    }

    private static void serve(String[] args) {
        SpringApplication.run(ZhibiaoApplication.class, args);
    }
}
