package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.zhibiao.system.CommandSettings;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> serverStarts = new ArrayList<>();

    private int run(boolean terminal, String... args) {
        Cli cli = new Cli(CommandSettings.load(), serverArgs -> serverStarts.add(List.of(serverArgs)), terminal);
        return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsTheCommandsInChineseAndExitsZeroWithoutStartingTheServer(String flag) {
        assertThat(run(false, flag)).isZero();

        assertThat(stdout()).contains("用法：", "命令：", "check", "similar", "suggest", "serve", "completion",
                "检查申报 JSON", "退出码");
        assertThat(stderr()).doesNotContain("未知命令");
        assertThat(serverStarts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "parse", "instructions", "similar", "suggest", "index", "serve"})
    void everyCommandHasItsOwnHelp(String command) {
        assertThat(run(false, command, "--help")).isZero();

        assertThat(stdout()).contains("用法：", command, "-h, --help", "显示本帮助并退出");
        assertThat(serverStarts).isEmpty();
    }

    @Test
    void helpOfOneCommandThroughTheHelpCommand() {
        assertThat(run(false, "help", "check")).isZero();

        assertThat(stdout()).contains("check", "FILE", "--json");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        assertThat(run(false, "chekc", "a.json")).isEqualTo(Cli.EXIT_USAGE);

        assertThat(stderr()).contains("无法识别的命令或参数：chekc").contains("命令：");
        assertThat(serverStarts).isEmpty();
    }

    @Test
    void serveStartsTheServerWithSpringArguments() {
        assertThat(run(false, "serve", "--server.port=0")).isEqualTo(Cli.SERVING);

        assertThat(serverStarts).containsExactly(List.of("--server.port=0"));
    }

    @Test
    void completionPrintsABashCompletionScript() {
        assertThat(run(false, "completion")).isZero();

        assertThat(stdout()).contains("complete -F").contains("check").contains("suggest");
    }

    @Test
    void checkPrintsAChineseTableOnATerminal() {
        assertThat(run(true, "check", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt")).isZero();

        assertThat(stdout()).contains("《深改小康经费》").contains("行", "指标", "问题", "改法").contains("【错误】")
                .doesNotContain("\"ruleId\"");
    }

    @Test
    void checkPrintsJsonOnATerminalWhenAsked() {
        assertThat(run(true, "check", "--json", "corpus/declarations/raw/001_127bfc3aaa3161d0.txt")).isZero();

        assertThat(stdout()).startsWith("[ {").contains("\"ruleId\"");
    }

    @Test
    void aNonNumericKIsAUsageError() {
        assertThat(run(false, "similar", "养老保险", "--k", "五")).isEqualTo(Cli.EXIT_USAGE);

        assertThat(stderr()).contains("--k");
    }
}
