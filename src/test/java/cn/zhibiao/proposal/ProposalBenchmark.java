package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Offline proposal time for a typical project (a district medical-insurance subsidy, 47 past projects to draw on):
 * the first call, then the distribution over many calls after warm-up. Target: under 1 s.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhibiao.proposal.ProposalBenchmark}
 * after {@code ./mvnw -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}.
 */
public final class ProposalBenchmark {

    static final ProjectBrief TYPICAL = new ProjectBrief("城乡居民医疗保险区级财政补助资金", "雁峰区医疗保障局",
            "湖南省衡阳市雁峰区", 2024, new BigDecimal("600"), "城乡居民医疗保险区级财政补助，每人每年60元",
            "确保全区100000人参保，参保率稳定在95%以上", null, List.of());

    private ProposalBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long start = System.nanoTime();
        ProposalService proposer = TestProposals.offline();
        double loadMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        Proposal first = proposer.propose(TYPICAL);
        double coldMs = (System.nanoTime() - start) / 1e6;

        for (int i = 0; i < runs; i++) {
            proposer.propose(TYPICAL);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            proposer.propose(TYPICAL);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "rows %d; corpus load %.1f ms; first (cold) proposal %.1f ms; over %d calls: mean %.3f ms, "
                + "p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", first.rows().size(), loadMs, coldMs, runs,
                Arrays.stream(ms).average().orElse(0), ms[runs / 2], ms[(int) (runs * 0.99)], ms[runs - 1]);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }
}
