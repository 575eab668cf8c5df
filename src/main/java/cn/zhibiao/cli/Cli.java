package cn.zhibiao.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cn.zhibiao.system.CommandSettings;

/**
 * The command line inside the application jar: {@code java -jar zhibiao.jar COMMAND ARGS}. Every command but
 * {@code serve} runs without the web server, the database or the Spring context. Results go to stdout — tables on a
 * terminal, JSON otherwise or with {@code --json} — and messages (in Chinese) to stderr.
 */
@Command(name = "zhibiao", description = "绩效指标助手：检查、检索和建议项目支出绩效指标。不带参数运行时启动网页服务。")
public final class Cli implements Callable<Integer> {

    /** Input that cannot be read: the message names the file and the reason. */
    public static final int EXIT_UNREADABLE = 2;
    public static final int EXIT_USAGE = 64;
    /** Any other failure, explained in one line on stderr. */
    public static final int EXIT_FAILURE = 1;
    /** What {@link #run} returns when {@code serve} started the server: the JVM must stay up, not exit. */
    public static final int SERVING = -1;
    public static final String SERVE = "serve";

    /**
     * Lucene tells through java.util.logging, on stderr, that the Vector API module is not enabled: a tuning hint for
     * a server, noise after a command. Held in a field because java.util.logging keeps its loggers weakly.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final CommandSettings settings;
    private final Consumer<String[]> server;
    private final boolean terminal;

    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private HelpOption help;

    /** A command line that prints JSON and has no server to start: what tests and scripts use. */
    public Cli(CommandSettings settings) {
        this(settings, args -> {
            throw new IllegalStateException("此处不能启动网页服务");
        }, false);
    }

    /**
     * @param server   starts the web server with the arguments that follow {@code serve}
     * @param terminal whether stdout is a person's terminal (tables) rather than a pipe or file (JSON)
     */
    public Cli(CommandSettings settings, Consumer<String[]> server, boolean terminal) {
        this.settings = settings;
        this.server = server;
        this.terminal = terminal;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Io io = new Io(out, err, terminal);
        CommandLine line = configure(new CommandLine(this), io)
                .addSubcommand(new CheckCommand(settings, io))
                .addSubcommand(new ParseCommand(settings, io))
                .addSubcommand(new InstructionsCommand(settings, io))
                .addSubcommand(new SimilarCommand(settings, io))
                .addSubcommand(new SuggestCommand(settings, io))
                .addSubcommand(new IndexCommand(settings, io))
                .addSubcommand(new ChatCommand(settings, io))
                .addSubcommand(new BulkCommand(settings, io, err == System.err && stderrIsTerminal()))
                .addSubcommand(new ServeCommand(server))
                .addSubcommand("completion", new AutoComplete.GenerateCompletion())
                .addSubcommand(new CommandLine.HelpCommand());
        CommandLine completion = line.getSubcommands().get("completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("输出 bash/zsh 命令补全脚本，例如：source <(java -jar zhibiao.jar completion)");
        line.getSubcommands().get("help").getCommandSpec().usageMessage().header("显示帮助，例如：help check")
                .description("显示帮助，例如：help check");
        line.getSubcommands().values().forEach(sub -> configure(sub, io));
        line.setExecutionStrategy(parsed -> {
            boolean serving = parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals(SERVE);
            if (!serving) {
                // Commands print results on stdout; library logs (ONNX, the index) go to stderr. Set before any
                // logger exists.
                System.setProperty("logback.configurationFile", "logback-cli.xml");
                LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return line.execute(args);
    }

    /** Without a command: the list of commands, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    /** Help in Chinese, usage errors as exit 64 with the command's help, failures as one line without a trace. */
    static CommandLine configure(CommandLine line, Io io) {
        line.setOut(new PrintWriter(new OutputStreamWriter(io.out(), io.out().charset()), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(io.err(), io.err().charset()), true));
        line.setUsageHelpAutoWidth(true);
        line.getCommandSpec().usageMessage()
                .synopsisHeading("用法：")
                .descriptionHeading("%n")
                .parameterListHeading("%n参数：%n")
                .optionListHeading("%n选项：%n")
                .commandListHeading("%n命令：%n")
                .footerHeading("%n")
                .footer("退出码：0 完成（检查发现的问题也算完成），" + EXIT_UNREADABLE + " 输入无法读取，" + EXIT_USAGE
                        + " 用法错误，" + EXIT_FAILURE + " 其他错误。");
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            io.err().println(e.getMessage() == null ? "命令执行失败（内部错误）。" : e.getMessage());
            return EXIT_FAILURE;
        });
        return line;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(chinese(e));
        line.usage(err);
        return EXIT_USAGE;
    }

    /** picocli's own parse errors are in English; commands raise theirs in Chinese. */
    private static String chinese(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            return "无法识别的命令或参数：" + String.join(" ", args);
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            return "缺少参数：" + missing.getMissing().stream().map(a -> a.paramLabel()).toList();
        }
        if (e.getClass() == ParameterException.class && e.getMessage().codePoints().anyMatch(c -> c > 0x2E80)) {
            return e.getMessage();
        }
        return "参数有误：" + e.getMessage();
    }

    /**
     * Whether this process's stderr is a terminal, where a progress bar may redraw itself: Linux tells through the
     * file descriptor's link; elsewhere a console with a terminal stdout is taken as one.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return stdoutIsTerminal();
        }
    }

    /** Whether this process's stdout is a terminal: tables for a person, JSON for a pipe, a file or a script. */
    public static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() exists even when redirected; isTerminal() (22+) tells the two apart.
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
