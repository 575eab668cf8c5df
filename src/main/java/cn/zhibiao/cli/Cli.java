package cn.zhibiao.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhibiao.system.CommandSettings;

/**
 * The command line inside the application jar: {@code java -jar zhibiao.jar COMMAND ARGS}. Commands run without the
 * web server or the database; they print JSON to stdout and messages (in Chinese) to stderr.
 */
public final class Cli {

    /** Input that cannot be read: the message names the file and the reason. */
    public static final int EXIT_UNREADABLE = 2;
    public static final int EXIT_USAGE = 64;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(CommandSettings settings) {
        // Commands print JSON on stdout; library logs (ONNX, the index) must go to stderr. Set before any logger exists.
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        register(new ParseCommand(settings));
        register(new InstructionsCommand(settings));
        register(new CheckCommand(settings));
        register(new IndexCommand(settings));
        register(new SimilarCommand(settings));
        register(new SuggestCommand(settings));
        register(new ChatCommand(settings));
    }

    private void register(Command command) {
        commands.put(command.name(), command);
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Command command = args.length == 0 ? null : commands.get(args[0]);
        if (command == null) {
            err.println("未知命令：" + (args.length == 0 ? "（空）" : args[0]));
            err.println("可用命令：");
            commands.values().forEach(c -> err.println("  " + c.name() + "  " + c.usage()));
            return EXIT_USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("用法：java -jar zhibiao.jar " + command.name() + " " + command.usage());
            return EXIT_USAGE;
        }
    }

    /** One command of the jar. */
    interface Command {
        String name();

        String usage();

        int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
