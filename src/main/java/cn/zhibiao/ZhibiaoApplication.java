package cn.zhibiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.zhibiao.cli.Cli;
import cn.zhibiao.system.CommandSettings;

/** Starts the web panel, or runs a command ({@code parse}, …) without the server or the database. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibiaoApplication {

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(new Cli(CommandSettings.load()).run(args, System.out, System.err));
        }
        SpringApplication.run(ZhibiaoApplication.class, args);
    }
}
