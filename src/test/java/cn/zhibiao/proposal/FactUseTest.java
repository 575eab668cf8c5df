package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.ParsedValue;
import cn.zhibiao.indicator.ValueParser;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * The project briefs of {@code proposal/briefs/} (written before tuning, each with the figures it states): the share
 * of stated counts, standards, rates and deadlines that end up as the value of a row of the right category.
 */
class FactUseTest {

    record Brief(String sector, ProjectBrief project, List<JsonNode> facts) {
    }

    static List<Brief> briefs() throws IOException {
        List<Brief> out = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:proposal/briefs/*.json")) {
            for (JsonNode b : Json.mapper().readTree(file.getInputStream())) {
                ProjectBrief project = new ProjectBrief(b.path("projectName").asString(), b.path("department").asString(),
                        null, b.path("year").asInt(), new BigDecimal(b.path("fundsWanYuan").asString()),
                        b.path("overview").asString(null), b.path("annualGoal").asString(), null, List.of());
                List<JsonNode> facts = new ArrayList<>();
                b.path("facts").forEach(facts::add);
                out.add(new Brief(b.path("sector").asString(), project, facts));
            }
        }
        return out;
    }

    final RowChecker checker = new RuleRowChecker(RuleChecker.defaults());
    final SectorLibrary library = TestProposals.library();
    final CorpusExamples corpus = CorpusExamples.load();
    final OfflineProposer proposer = new OfflineProposer(corpus, checker, library,
            TestProposals.settings(Path.of("prompts")));

    @Test
    void statedFiguresBecomeRowsOfTheRightCategory() throws IOException {
        List<Brief> briefs = briefs();
        int stated = 0;
        int used = 0;
        Set<String> sectors = new TreeSet<>();
        List<String> misses = new ArrayList<>();
        for (Brief b : briefs) {
            sectors.add(b.sector());
            Proposal proposal = proposer.propose(b.project(), corpus.similar(b.project(), 5), List.of());
            for (JsonNode fact : b.facts()) {
                stated++;
                Level2 level2 = switch (fact.path("kind").asString()) {
                    case "COUNT" -> Level2.QUANTITY;
                    case "STANDARD" -> Level2.COST;
                    case "DEADLINE" -> Level2.TIMELINESS;
                    default -> Level2.fromLabel(fact.path("level2").asString());
                };
                String value = fact.path("value").asString();
                if (proposal.rows().stream().anyMatch(r -> r.level2() == level2 && sameFigure(value, r.value()))) {
                    used++;
                } else {
                    misses.add(b.project().projectName() + "：" + level2.label() + " " + value + " ← "
                            + proposal.rows().stream().filter(r -> r.level2() == level2)
                                    .map(r -> r.name() + "=" + r.value()).toList());
                }
            }
        }
        double share = (double) used / stated;
        System.out.printf(Locale.ROOT, "[facts] %d briefs in %d classes, %d stated figures, fact use %.3f%n",
                briefs.size(), sectors.size(), stated, share);
        misses.forEach(m -> System.out.println("[facts]   miss " + m));

        assertThat(briefs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sectors).hasSizeGreaterThanOrEqualTo(12);
        assertThat(share).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void noRowCarriesANumberTheBriefDoesNotState() throws IOException {
        for (Brief b : briefs()) {
            Proposal proposal = proposer.propose(b.project(), corpus.similar(b.project(), 5), List.of());
            NumberSupport support = new NumberSupport(new ModelContext(b.project(), FactExtractor.extract(b.project()),
                    new SectorGuess("", 0), List.of(), List.of(), List.of()));
            assertThat(proposal.rows()).as(b.project().projectName()).allMatch(support::supported);
        }
    }

    @Test
    void detectsTheSectorOfTheBriefs() throws IOException {
        List<Brief> briefs = briefs();
        long right = briefs.stream().filter(b -> library.detect(b.project()).sector().equals(b.sector())).count();
        System.out.printf(Locale.ROOT, "[facts] sector of the briefs: %d/%d%n", right, briefs.size());

        assertThat((double) right / briefs.size()).isGreaterThanOrEqualTo(0.90);
    }

    /** The same figure: equal deadlines, or the same number with a compatible unit. */
    static boolean sameFigure(String expected, String actual) {
        ParsedValue e = ValueParser.parse(expected);
        ParsedValue a = ValueParser.parse(actual);
        if (e.deadline() != null || !e.hasNumber()) {
            return actual.contains(expected) || e.deadline() != null && e.deadline().equals(a.deadline());
        }
        if (!a.hasNumber() || e.number().compareTo(a.number()) != 0) {
            return false;
        }
        String eu = e.unit() == null ? "" : e.unit().replace("名", "人");
        String au = a.unit() == null ? "" : a.unit().replace("名", "人");
        return au.startsWith(eu) || eu.startsWith(au);
    }
}
