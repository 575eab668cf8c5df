package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

import cn.zhibiao.proposal.TestProposals;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

class SuggestCommandTest {

    static final String FORM = "corpus/declarations/raw/003_509232d1be82661b.txt";
    static final String CANONICAL = "corpus/declarations/003_509232d1be82661b.json";

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        SuggestCommand command = new SuggestCommand(CommandSettings.load(), io, TestProposals::offline);
        return Cli.configure(new CommandLine(command), io).execute(args);
    }

    JsonNode printed() {
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    static List<String> names(JsonNode reports) {
        List<String> names = new ArrayList<>();
        reports.forEach(r -> names.add(r.path("projectName").asString()));
        return names;
    }

    @Test
    void proposesForEveryProjectOfALegacyFormInInputOrder() throws Exception {
        assertThat(run(FORM)).isZero();

        JsonNode reports = printed();
        assertThat(names(reports)).containsExactly("城乡居民医疗保险区级财政补助资金", "城乡医疗救助资金",
                "财政对城乡居民养老保险的补助", "义务兵家庭优待金");
        for (JsonNode report : reports) {
            assertThat(report.path("source").asString()).isEqualTo("003_509232d1be82661b.txt");
            assertThat(report.path("rows").size()).isGreaterThanOrEqualTo(6);
            assertThat(report.path("notices").get(0).asString()).isEqualTo("未配置大模型，使用离线建议");
            report.path("rows").forEach(r -> assertThat(r.path("rationale").asString()).doesNotStartWith("沿用原有指标"));
        }
    }

    @Test
    void readsCanonicalJsonAsParsePrintsIt() throws Exception {
        assertThat(run(CANONICAL)).isZero();

        assertThat(names(printed())).hasSize(4).startsWith("城乡居民医疗保险区级财政补助资金");
    }

    @Test
    void improvesTheExistingIndicatorsWhenAsked() throws Exception {
        assertThat(run(FORM, "--improve")).isZero();

        JsonNode first = printed().get(0);
        assertThat(first.path("rows").get(0).path("name").asString()).isEqualTo("完成辖区内城乡居民医保参保缴费任务人数");
        assertThat(first.path("rows").get(0).path("rationale").asString()).isEqualTo("沿用原有指标（检查未发现错误）。");
    }

    @Test
    void reportsAMissingFileAsUnreadable() throws Exception {
        assertThat(run("no-such-file.txt")).isEqualTo(Cli.EXIT_UNREADABLE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-file.txt", "文件不存在");
        assertThat(out.size()).isZero();
    }

    @Test
    void reportsBrokenJsonAsUnreadable(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("draft.json"), "[{\"projectName\": ");

        assertThat(run(broken.toString())).isEqualTo(Cli.EXIT_UNREADABLE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("draft.json", "不是有效的申报 JSON");
    }

    @Test
    void needsExactlyOneFile() {
        assertThat(run("--improve")).isEqualTo(Cli.EXIT_USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("请指定一个申报文件", "用法");
    }
}
