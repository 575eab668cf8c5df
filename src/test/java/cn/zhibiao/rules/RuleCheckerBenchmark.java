package cn.zhibiao.rules;

import java.io.IOException;
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
import cn.zhibiao.system.CommandSettings;

/**
 * Checking the 50 seed declarations (619 indicators, the real mix of good and bad rows), on one thread. The score is
 * indicator checks per second: each invocation checks all {@value #INDICATORS} seed indicators.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt && java -cp
 * target/test-classes:target/classes:$(cat cp.txt) cn.zhibiao.rules.RuleCheckerBenchmark}
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

    private RuleChecker checker;
    private List<Declaration> declarations;

    @Setup
    public void setUp() throws IOException {
        checker = RuleChecker.fromSettings(CommandSettings.load());
        declarations = SeedDeclarations.load().values().stream().flatMap(List::stream).toList();
        int count = declarations.stream().mapToInt(d -> d.indicators().size()).sum();
        if (count != INDICATORS) {
            throw new IllegalStateException("seed corpus has " + count + " indicators, benchmark expects " + INDICATORS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(INDICATORS)
    public void checkSeedDeclarations(Blackhole hole) {
        for (Declaration declaration : declarations) {
            hole.consume(checker.check(declaration));
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RuleCheckerBenchmark.class.getSimpleName()).build()).run();
    }
}
