package cn.zhibiao.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.rules.Severity;
import cn.zhibiao.system.Json;
import reactor.test.StepVerifier;

/** One turn at a time against the fixture draft, with the real checker, index, proposer and instructions. */
class OfflineAssistantTest {

    final Declaration draft = ChatFixtures.draft();
    final List<ChatTurn> history = new ArrayList<>();

    List<ChatEvent> say(String message) {
        List<ChatEvent> events = TestAssistants.offline().turn(draft, history, message).collectList().block();
        history.add(new ChatTurn(message, events));
        return events;
    }

    static <T extends ChatEvent> List<T> of(List<ChatEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String text(List<ChatEvent> events) {
        return String.join("\n", of(events, ChatEvent.Token.class).stream().map(ChatEvent.Token::text).toList());
    }

    @Test
    void saysWhatItUnderstoodAndThatNoModelIsConfiguredThenEnds() {
        StepVerifier.create(TestAssistants.offline().turn(draft, List.of(), "检查一下"))
                .expectNext(new ChatEvent.Understood(Intent.CHECK, IntentArgs.NONE))
                .assertNext(e -> assertThat(((ChatEvent.Token) e).text()).contains("检查整张草稿", "未配置大模型"))
                .thenConsumeWhile(e -> !(e instanceof ChatEvent.Done))
                .assertNext(e -> assertThat(e).isInstanceOf(ChatEvent.Done.class))
                .verifyComplete();
    }

    @Test
    void saysWhichProposedRowsComeFromAGenericTemplateInsteadOfCallingThemAllChecked() {
        Declaration vague = new Declaration("草稿", DeclarationKind.PROJECT, null, null, 2026, "专项工作经费", null,
                new BigDecimal("20"), null, null, null, "2026年12月31日前完成，服务200人。", null, List.of());

        List<ChatEvent> events = TestAssistants.offline().turn(vague, List.of(), "补充指标").collectList().block();

        long templates = of(events, ChatEvent.Change.class).stream()
                .filter(c -> c.rationale().startsWith("通用模板")).count();
        assertThat(templates).isPositive();
        assertThat(text(events)).contains("其中" + templates + "条来自通用模板").contains("未经本项目核实");
    }

    @Test
    void explainsAFlagWithTheRuleItsReasonFixBasisAndCompliantExamplesFromSimilarProjects() {
        List<ChatEvent> events = say("第3行为什么被标记？");

        ChatEvent.Flag flag = of(events, ChatEvent.Flag.class).getFirst();
        assertThat(flag.indicatorIndex()).isEqualTo(2);
        assertThat(flag.ruleId()).isEqualTo("TIME_NO_DEADLINE");
        assertThat(flag.why()).isNotBlank();
        assertThat(flag.suggestion()).isNotBlank();
        assertThat(flag.basis()).isNotEmpty();
        assertThat(text(events)).contains("按时完成", "原因：", "改法：", "依据：", "相似项目中通过检查的时效指标写法",
                "必须修改", "规则：" + flag.title()).doesNotContain("TIME_NO_DEADLINE", "ERROR");
        assertThat(of(events, ChatEvent.Source.class)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.title()).startsWith("《").contains("》（"));
    }

    @Test
    void proposesARevisionAsAChangeWithItsFindingsAndLeavesTheDraftAlone() {
        List<ChatEvent> events = say("把满意度改成不低于95%");

        ChatEvent.Change change = of(events, ChatEvent.Change.class).getFirst();
        assertThat(change.op()).isEqualTo(ChatEvent.Op.UPDATE);
        assertThat(change.indicatorIndex()).isEqualTo(4);
        assertThat(change.row().value()).isEqualTo("≥95%");
        assertThat(change.previous().value()).isEqualTo("90%");
        assertThat(change.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(draft.indicators().get(4).value()).isEqualTo("90%");
    }

    @Test
    void aVagueRevisionArrivesAsAChangeCarryingItsError() {
        List<ChatEvent> events = say("把第2行改成较高");

        ChatEvent.Change change = of(events, ChatEvent.Change.class).getFirst();
        assertThat(change.row().value()).isEqualTo("较高");
        assertThat(change.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
        assertThat(text(events)).contains("修改后检查仍提示");
    }

    @Test
    void asksForADeadlineInsteadOfInventingOneAndUsesTheAnswerInTheNextTurn() {
        List<ChatEvent> first = say("补充一个时效指标");

        assertThat(of(first, ChatEvent.Change.class)).isEmpty();
        ChatEvent.Question question = of(first, ChatEvent.Question.class).getFirst();
        assertThat(question.fact()).isEqualTo("DEADLINE");
        assertThat(question.intent()).isEqualTo(Intent.PROPOSE);

        List<ChatEvent> second = say("2024年10月底前");

        assertThat(of(second, ChatEvent.Understood.class).getFirst().intent()).isEqualTo(Intent.PROPOSE);
        ChatEvent.Change change = of(second, ChatEvent.Change.class).getFirst();
        assertThat(change.op()).isEqualTo(ChatEvent.Op.ADD);
        assertThat(change.row().level2()).isEqualTo("时效指标");
        assertThat(change.indicatorIndex()).isEqualTo(3);
        assertThat(change.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(text(second)).contains("收到：2024年10月底前");
    }

    @Test
    void usesAHeadCountTheUserGaveForTheQuantityRow() {
        assertThat(of(say("补充两个数量指标"), ChatEvent.Question.class)).extracting(ChatEvent.Question::fact)
                .containsExactly("COUNT");

        List<ChatEvent> answer = say("3200人");

        assertThat(of(answer, ChatEvent.Change.class)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.row().level2()).isEqualTo("数量指标"))
                .anySatisfy(c -> assertThat(c.row().value()).contains("3200"));
    }

    @Test
    void proposesTheMissingRequiredCategoryWithCitedSources() {
        List<ChatEvent> events = say("帮我加一个成本指标");

        ChatEvent.Change change = of(events, ChatEvent.Change.class).getFirst();
        assertThat(change.row().level2()).isEqualTo("成本指标");
        assertThat(change.rationale()).isNotBlank();
        assertThat(change.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(of(events, ChatEvent.Source.class)).extracting(ChatEvent.Source::id)
                .containsAll(change.sources());
        assertThat(of(events, ChatEvent.Source.class)).allSatisfy(s -> {
            assertThat(s.source()).isNotBlank();
            assertThat(s.title()).isNotEqualTo(s.id());
        });
    }

    @Test
    void checkReportsEveryFindingOfTheChecker() {
        List<ChatEvent> events = say("帮我检查整个草稿");

        int expected = RuleChecker.defaults().check(draft).size();
        assertThat(of(events, ChatEvent.Flag.class)).hasSize(expected).isNotEmpty();
        assertThat(text(events)).contains("检查完成", "个错误");
    }

    @Test
    void findsSimilarProjectsForWhatTheUserNames() {
        List<ChatEvent> events = say("有没有别的区县的医保补助项目？");

        assertThat(of(events, ChatEvent.Source.class)).isNotEmpty()
                .anySatisfy(s -> assertThat(s.projectName()).contains("医保"));
    }

    @Test
    void definesATermFromTheFillingInstructionsAndCitesThem() {
        List<ChatEvent> events = say("时效指标是什么意思");

        assertThat(text(events)).contains("反映支出方向计划提供产品或服务的及时程度和效率情况");
        assertThat(of(events, ChatEvent.Source.class)).allSatisfy(s -> assertThat(s.kind()).isEqualTo("INSTRUCTION"));
    }

    @Test
    void undoProposesTheInverseOfTheLastAcceptedChange() {
        ChatEvent.Change revise = of(say("把满意度改成不低于95%"), ChatEvent.Change.class).getFirst();
        history.set(0, new ChatTurn(history.getFirst().message(), history.getFirst().events(), List.of(revise.id())));
        Declaration accepted = Changes.apply(draft, revise);

        List<ChatEvent> events = TestAssistants.offline().turn(accepted, history, "撤销上一步").collectList().block();

        ChatEvent.Change inverse = of(events, ChatEvent.Change.class).getFirst();
        assertThat(Changes.apply(accepted, inverse).indicators().get(4).value()).isEqualTo("90%");
    }

    @Test
    void saysWhenThereIsNothingToUndoOrNoSuchRow() {
        assertThat(text(say("撤销"))).contains("还没有接受过的修改");
        assertThat(text(say("第十行为什么被标记"))).contains("草稿共有5行指标，没有第10行");
    }

    @Test
    void answersWhatItDoesNotUnderstandWithWhatItCanDo() {
        List<ChatEvent> events = say("帮我订一张去北京的机票");

        assertThat(of(events, ChatEvent.Understood.class).getFirst().intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(text(events)).contains("没有理解", "未配置大模型", "补充两个时效指标", "第3行为什么被标记");
    }

    @Test
    void eventsSerialiseWithTheirSseNameAsTypeAndReadBack() {
        List<ChatEvent> events = say("把满意度改成不低于95%");

        for (ChatEvent event : events) {
            String line = Transcript.line(event);
            assertThat(Json.mapper().readTree(line).get("type").asString()).isEqualTo(event.type());
            assertThat(Json.mapper().readValue(line, ChatEvent.class)).isEqualTo(event);
        }
        assertThat(Transcript.line(of(events, ChatEvent.Change.class).getFirst()))
                .contains("\"op\":\"update\"", "\"indicatorIndex\":4", "\"row\":{\"level1\"", "\"findings\":[");
    }
}
