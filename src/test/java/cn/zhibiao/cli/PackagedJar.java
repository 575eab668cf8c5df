package cn.zhibiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as users do, {@code java [JVM OPTIONS] -jar target/zhibiao.jar ARGS}, with stdout redirected. */
final class PackagedJar {

    private static final Path JAR = Path.of("target/zhibiao.jar");

    record Run(int exit, String out, String err) {
    }

    private final Path work;
    private final Path dataDir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();

    PackagedJar(Path work, Path dataDir) {
        this.work = work;
        this.dataDir = dataDir;
    }

    PackagedJar withJvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    PackagedJar withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(Duration.ofSeconds(180), args);
    }

    Run run(Duration patience, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ZHIBIAO_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)).as("command finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
