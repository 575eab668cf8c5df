package cn.zhibiao.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cn.zhibiao.system.CommandSettings;

/** What every command but {@code serve} has: the settings, where to write, {@code --help}, and usage errors. */
abstract class SettingsCommand implements Callable<Integer> {

    protected final CommandSettings settings;
    protected final Io io;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    SettingsCommand(CommandSettings settings, Io io) {
        this.settings = settings;
        this.io = io;
    }

    /** A usage error in Chinese: printed with the command's help, exit 64. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
