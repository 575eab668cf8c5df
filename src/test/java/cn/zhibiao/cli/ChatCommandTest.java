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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import cn.zhibiao.chat.TestAssistants;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

class ChatCommandTest {

    static final String DRAFT = "src/test/resources/chat/draft.json";
    static final String FORM = "corpus/declarations/raw/003_509232d1be82661b.txt";

    @TempDir
    Path dir;

    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return Cli.configure(new CommandLine(new ChatCommand(CommandSettings.load(), io, TestAssistants::offline)), io)
                .execute(args);
    }

    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    @Test
    void printsOneJsonObjectPerEventWithItsSseName() throws Exception {
        assertThat(run("--draft", DRAFT, "把满意度改成不低于95%")).isZero();

        List<JsonNode> lines = lines();
        assertThat(lines.getFirst().get("type").asString()).isEqualTo("intent");
        assertThat(lines.getFirst().get("intent").asString()).isEqualTo("REVISE");
        assertThat(lines.getFirst().get("args").toString())
                .isEqualTo("{\"indicatorIndex\":4,\"level2\":\"服务对象满意度指标\",\"value\":\"≥95%\"}");
        JsonNode change = lines.stream().filter(l -> l.get("type").asString().equals("change")).findFirst().orElseThrow();
        assertThat(change.get("op").asString()).isEqualTo("update");
        assertThat(change.get("row").get("value").asString()).isEqualTo("≥95%");
        assertThat(change.has("rationale") && change.has("sources") && change.has("findings")).isTrue();
        assertThat(lines.getLast().get("type").asString()).isEqualTo("done");
    }

    @Test
    void carriesAQuestionOverToTheNextCallThroughTheHistoryFile() throws Exception {
        Path history = dir.resolve("对话.jsonl");
        assertThat(run("--draft", DRAFT, "--history", history.toString(), "补充两个数量指标")).isZero();
        assertThat(lines()).anySatisfy(l -> assertThat(l.get("type").asString()).isEqualTo("question"));

        assertThat(run("--draft", DRAFT, "--history", history.toString(), "3200人")).isZero();

        assertThat(lines()).anySatisfy(l -> {
            assertThat(l.get("type").asString()).isEqualTo("change");
            assertThat(l.get("row").get("value").asString()).contains("3200");
        });
        assertThat(Files.readAllLines(history)).hasSize(2);
    }

    @Test
    void readsALegacyFormAndSaysWhichOfItsDeclarationsIsTheDraft() throws Exception {
        assertThat(run("--draft", FORM, "第1行为什么被标记")).isZero();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("使用第一个：《城乡居民医疗保险区级财政补助资金》");
        assertThat(lines().getFirst().get("args").get("indicatorIndex").asInt()).isZero();
    }

    @Test
    void reportsAMissingDraftAsUnreadableAndAMissingMessageAsUsage() throws Exception {
        assertThat(run("--draft", "no-such-draft.json", "检查一下")).isEqualTo(Cli.EXIT_UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("无法读取文件“no-such-draft.json”：文件不存在");

        assertThat(run("--draft", DRAFT)).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run("检查一下")).isEqualTo(Cli.EXIT_USAGE);
    }
}
