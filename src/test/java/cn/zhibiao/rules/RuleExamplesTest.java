package cn.zhibiao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import cn.zhibiao.system.CommandSettings;

/**
 * Runs every rule's own examples, like LanguageTool's rule tests: each bad example is flagged by that rule, each good
 * example is not, and every rule has at least two of each. The catalog and the registered functions must agree.
 */
class RuleExamplesTest {

    private static final int MIN_EXAMPLES = 2;
    /** Source ids (S6, S14-check, S-宁晋), seed files and lines (种子材料004第269行, seed 004 L300), the [G] mark. */
    private static final String INTERNAL_REFERENCE = "\\bS\\d|\\bS-|(?i:seed)|种子|第\\d+、?\\d*行|\\bL\\d+|\\[G]|§";

    private final RuleChecker checker = RuleChecker.fromSettings(CommandSettings.load());
    private final List<RuleSpec> specs = CatalogLoader.load();

    @TestFactory
    Stream<DynamicTest> everyBadExampleIsFlaggedByItsRuleWithACompleteMessage() {
        return specs.stream().flatMap(spec -> spec.bad().stream().map(example -> DynamicTest.dynamicTest(
                spec.id() + " flags " + describe(example), () -> {
                    List<String> ids = ruleIds(spec, example);
                    if (spec.declarationLevel()) {
                        assertThat(ids).as("findings of %s", describe(example)).contains(spec.id());
                    } else {
                        // One root cause per row: the example row is flagged by this rule and no other.
                        assertThat(ids).as("findings of %s", describe(example)).containsExactly(spec.id());
                    }
                    assertThat(checker.check(example.toDeclaration())).filteredOn(f -> f.ruleId().equals(spec.id()))
                            .allSatisfy(f -> assertThat(f.message()).as("message of %s", spec.id())
                                    .doesNotContainPattern("\\{[A-Za-z0-9]+}"));
                })));
    }

    @TestFactory
    Stream<DynamicTest> noGoodExampleIsFlaggedByItsRule() {
        return specs.stream().flatMap(spec -> spec.good().stream().map(example -> DynamicTest.dynamicTest(
                spec.id() + " accepts " + describe(example),
                () -> assertThat(ruleIds(spec, example)).as("findings of %s", describe(example)).doesNotContain(spec.id()))));
    }

    @Test
    void everyRuleHasAtLeastTwoBadAndTwoGoodExamples() {
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.bad()).as("bad examples of %s", spec.id()).hasSizeGreaterThanOrEqualTo(MIN_EXAMPLES);
            assertThat(spec.good()).as("good examples of %s", spec.id()).hasSizeGreaterThanOrEqualTo(MIN_EXAMPLES);
        });
    }

    @Test
    void everyCatalogRuleHasAFunctionAndEveryFunctionACatalogRule() {
        Phrases phrases = Phrases.load();
        RulesProperties settings = RulesProperties.from(CommandSettings.load());
        Set<String> rowFunctions = new IndicatorRules(phrases, settings).functions().keySet();
        Set<String> declarationFunctions = new DeclarationRules(phrases, settings).functions().keySet();
        Set<String> functions = new HashSet<>(rowFunctions);
        functions.addAll(declarationFunctions);
        assertThat(functions).containsExactlyInAnyOrderElementsOf(specs.stream().map(RuleSpec::id).toList());
        assertThat(specs).allSatisfy(spec -> assertThat(spec.declarationLevel() ? declarationFunctions : rowFunctions)
                .as("function of %s", spec.id()).contains(spec.id()));
    }

    @Test
    void registryMismatchStopsTheChecker() {
        RuleSpec orphan = new RuleSpec("NO_SUCH_RULE", "t", Severity.ERROR, false, Set.of(), Set.of(), true, "m", "w",
                List.of(), List.of(), "f", List.of(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> RuleChecker.checkRegistry(List.of(orphan), Set.of("OTHER_RULE"), Set.of()))
                .hasMessageContaining("NO_SUCH_RULE").hasMessageContaining("OTHER_RULE");
    }

    @Test
    void everyBasisCitesADocumentOrIsMarkedAsPracticeOrJudgement() {
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.basis()).as("basis of %s", spec.id()).isNotEmpty();
            assertThat(spec.basis()).as("basis of %s", spec.id()).allSatisfy(entry -> assertThat(
                    entry.matches(".*《[^》]+》.*") || entry.startsWith("经验规则") || entry.startsWith("工程判断"))
                    .as("“%s” names a document in 《》 or starts with 经验规则/工程判断", entry).isTrue());
        });
    }

    @Test
    void reviewerFacingTextHasNoSeedFileReferencesOrInternalCodes() {
        assertThat(specs).allSatisfy(spec -> {
            assertThat(spec.basis()).as("basis of %s", spec.id())
                    .allSatisfy(entry -> assertThat(entry).doesNotContainPattern(INTERNAL_REFERENCE));
            assertThat(spec.why()).as("why of %s", spec.id()).doesNotContainPattern(INTERNAL_REFERENCE);
        });
    }

    private List<String> ruleIds(RuleSpec spec, RuleExample example) {
        return checker.check(example.toDeclaration()).stream()
                .filter(f -> spec.declarationLevel() || Integer.valueOf(0).equals(f.indicatorIndex()))
                .map(Finding::ruleId).toList();
    }

    private static String describe(RuleExample example) {
        return example.indicators().stream().map(r -> r.level2() + ":" + r.name() + "=" + r.value()).toList().toString();
    }
}
