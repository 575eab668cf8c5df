package cn.zhibiao.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.system.CommandSettings;

/**
 * Checking the 50 seed declarations (619 indicators, the real mix of good and bad rows), and one declaration of
 * 10,000 rows, on one thread. Scores are indicator checks per second.
 *
 * <p>Run (JDK 23+ runs annotation processors only when asked, hence {@code proc=full} for JMH's generator):
 * {@code ./mvnw -q -o clean test-compile dependency:build-classpath -Dmaven.compiler.proc=full -Dmdep.outputFile=cp.txt
 * && java -cp target/test-classes:target/classes:$(cat cp.txt) cn.zhibiao.rules.RuleCheckerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RuleCheckerBenchmark {

    static final int INDICATORS = 619;
    static final int LARGE = 10_000;

    private RuleChecker checker;
    private List<Declaration> declarations;
    private Declaration large;

    @Setup
    public void setUp() throws IOException {
        checker = RuleChecker.fromSettings(CommandSettings.load());
        declarations = SeedDeclarations.load().values().stream().flatMap(List::stream).toList();
        int count = declarations.stream().mapToInt(d -> d.indicators().size()).sum();
        if (count != INDICATORS) {
            throw new IllegalStateException("seed corpus has " + count + " indicators, benchmark expects " + INDICATORS);
        }
        // One declaration of 10,000 rows cycling through the seed rows: the declaration rules see every row.
        List<Indicator> rows = new ArrayList<>(LARGE);
        List<Indicator> seedRows = declarations.stream().flatMap(d -> d.indicators().stream()).toList();
        for (int i = 0; i < LARGE; i++) {
            rows.add(seedRows.get(i % seedRows.size()));
        }
        Declaration first = declarations.get(0);
        large = new Declaration("benchmark", first.kind(), null, null, first.year(), "大表", null, first.fundsWanYuan(),
                null, first.periodGoal(), first.annualGoal(), null, null, rows);
    }

    @Benchmark
    @OperationsPerInvocation(INDICATORS)
    public void checkSeedDeclarations(Blackhole hole) {
        for (Declaration declaration : declarations) {
            hole.consume(checker.check(declaration));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LARGE)
    public List<Finding> checkTenThousandRowDeclaration() {
        return checker.check(large);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RuleCheckerBenchmark.class.getSimpleName()).build()).run();
    }
}
