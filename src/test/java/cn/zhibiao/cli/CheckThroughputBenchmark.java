package cn.zhibiao.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.system.CommandSettings;

/**
 * The {@code check} command in-process and warmed up, on the files given: what the command line does minus JVM
 * start and JIT warm-up. Run by {@code bench/check-throughput.sh}, beside the jar and the Python reference.
 */
public final class CheckThroughputBenchmark {

    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 5;

    private CheckThroughputBenchmark() {
    }

    public static void main(String[] files) throws Exception {
        CommandSettings settings = CommandSettings.load();
        FormImporter importer = new FormImporter(settings.bytes("zhibiao.corpus.max-file-size"));
        long indicators = 0;
        for (String file : files) {
            indicators += importer.read(Path.of(file)).declarations().stream().mapToLong(d -> d.indicators().size()).sum();
        }
        String[] args = new String[files.length + 1];
        args[0] = "check";
        System.arraycopy(files, 0, args, 1, files.length);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            new Cli(settings).run(args, discard, System.err);
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED_RUNS; i++) {
            new Cli(settings).run(args, discard, System.err);
        }
        double seconds = (System.nanoTime() - start) / 1e9 / MEASURED_RUNS;
        System.out.printf("in-process check:  %.3fs per run (mean of %d after %d warm-up)  %.0f indicators/s  %.0f files/s%n",
                seconds, MEASURED_RUNS, WARM_UP_RUNS, indicators / seconds, files.length / seconds);
    }
}
