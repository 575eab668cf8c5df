package cn.zhibiao;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starts the application in a second JVM that loads its classes from an extracted copy of the jar and a
 * class-data-sharing archive, one per command. A fat jar's classes come through Spring Boot's nested-jar class loader,
 * which the JVM can neither archive nor load quickly: without this, {@code check} on one form takes 1.3–3 s, most of
 * it loading about 4,000 classes, against 0.65 s with it, and the server's warm start ~15 s of CPU against ~7 s
 * (BENCHMARKS.md). The copy and the archives are a cache in the user's cache directory ({@code ~/.cache/zhibiao}, one
 * copy per jar location, replaced when the jar changes); the first run of each command writes its archive when it
 * ends. If the copy cannot be made, the application runs in this JVM as before; so it does with
 * {@code ZHIBIAO_CLASS_DATA_SHARING=false}, a switch read before any setting can be. This class sits at the jar's root
 * beside {@link Launcher}, so that the first JVM never loads Spring Boot's nested-jar loader.
 */
final class SharedClassesStart {

    /** Given to the second JVM: the id of the first, whose death it follows (see {@link #followParent}). */
    private static final String PARENT = "zhibiao.parent-pid";
    /** Given to a server: its stdin is a pipe from the first JVM (see {@link #followParent}). */
    private static final String PARENT_PIPE = "zhibiao.parent-pipe";
    private static final String SWITCH = "ZHIBIAO_CLASS_DATA_SHARING";
    /** Only the packaged (fat) jar has it; the extracted copy and a build's class path do not. */
    private static final String SPRING_BOOT_CLASSES = "/BOOT-INF/classpath.idx";
    private static final long PARENT_POLL_MILLIS = 100;
    /** How the second JVM ends when the first is killed outright, should the kill command be missing. */
    private static final int EXIT_PARENT_KILLED = 137;
    /** Extraction takes seconds; a staging directory this old was left by a run that was killed. */
    private static final long STALE_STAGING_MILLIS = 3_600_000;

    /**
     * A command that ends within seconds spends more CPU in the C2 compiler and G1's threads than in its own work
     * (check over 500 forms: 9.3 s of CPU with the defaults, 4.3 s without them); the server and index building run
     * long enough to repay both.
     */
    private static final List<String> SHORT_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Set<String> LONG_RUNNING = Set.of("serve", "index");

    private SharedClassesStart() {
    }

    /**
     * Runs the application in a second JVM and returns its exit code, or empty when the application is to run in
     * this one (switched off, not started from the packaged jar, or this is already the second JVM).
     */
    public static Optional<Integer> run(String[] args) throws InterruptedException {
        String parent = System.getProperty(PARENT);
        if (parent != null) {
            followParent(Long.parseLong(parent));
            return Optional.empty();
        }
        Path jar = Path.of(System.getProperty("java.class.path")).toAbsolutePath().normalize();
        boolean packaged = SharedClassesStart.class.getResource(SPRING_BOOT_CLASSES) != null
                && jar.getFileName().toString().endsWith(".jar") && Files.isRegularFile(jar);
        if ("false".equalsIgnoreCase(System.getenv(SWITCH)) || !packaged) {
            return Optional.empty();
        }
        Path app;
        try {
            app = extracted(jar);
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
        return Optional.of(runChild(jar, app, args));
    }

    private static int runChild(Path jar, Path app, String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0].matches("[a-z]+") ? args[0] : "options";
        String jvm = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        Path archive = app.resolve(command + "-" + jvm + ".jsa");
        Path training = app.resolve(command + "-" + jvm + "." + ProcessHandle.current().pid() + ".tmp");
        boolean trained = Files.isRegularFile(archive);
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!LONG_RUNNING.contains(command)) {
            line.addAll(SHORT_RUN_OPTIONS);
        }
        // The options given to this JVM come after, and so win.
        line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        line.add(trained ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + training);
        // An archive the JVM cannot use (another JDK build) is ignored; its warnings would land in a command's output.
        line.add("-Xshare:auto");
        line.add("-Xlog:cds=off,cds+dynamic=off");
        line.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        boolean serving = command.equals("serve");
        if (serving) {
            line.add("-D" + PARENT_PIPE + "=true");
        }
        line.addAll(List.of("-jar", app.resolve(jar.getFileName()).toString()));
        line.addAll(List.of(args));
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
            child = (serving ? builder.redirectInput(ProcessBuilder.Redirect.PIPE) : builder).start();
        } catch (IOException e) {
            throw new IllegalStateException("无法启动 Java 进程：" + e.getMessage(), e);
        }
        // SIGTERM or Ctrl-C reach this JVM; the application in the child shuts down as it would have here, and a
        // server's first run leaves its archive then (the main thread does not run on once shutdown has begun).
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keepArchive(trained, training, archive);
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // The child ended because this JVM was told to stop: the hook is seeing it through.
            return exit;
        }
        keepArchive(trained, training, archive);
        return exit;
    }

    private static void keepArchive(boolean trained, Path training, Path archive) {
        if (!trained && Files.isRegularFile(training)) {
            moveQuietly(training, archive);
        }
    }

    /**
     * The second JVM ends when the first is killed outright (SIGKILL runs no shutdown hook to stop it). A server
     * notices at once by its stdin; a command, whose stdin is the user's, by being handed to another parent (a dead
     * parent may linger as a zombie that looks alive until its own parent reaps it, so its being alive is no sign).
     */
    private static void followParent(long pid) {
        Thread watch = new Thread(Boolean.getBoolean(PARENT_PIPE) ? () -> {
            // The server's stdin is a pipe the first JVM holds open and never writes to: the kernel closes it the
            // instant that JVM dies, so a restart on the same port and data directory never meets this server.
            try {
                while (System.in.read() != -1) {
                    // Nothing is ever written.
                }
            } catch (IOException closed) {
                // As good as the end of the stream.
            }
            dieOutright();
        } : () -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            dieOutright();
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * As the first JVM died: by SIGKILL. Runtime.halt would first write a class-data-sharing archive when this is a
     * command's first run (the JVM does that even on halt), keeping a server on its port for another second.
     */
    private static void dieOutright() {
        try {
            new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
        } catch (IOException | InterruptedException e) {
            // No kill command: halting is the next best thing.
        }
        Runtime.getRuntime().halt(EXIT_PARENT_KILLED);
    }

    /** The jar extracted by Spring Boot's tools (lib/ and a thin jar naming it), made once per jar version. */
    private static Path extracted(Path jar) throws IOException, InterruptedException {
        Path home = Path.of(Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(System.getProperty("user.home") + "/.cache"), "zhibiao", sha256(jar.toString()));
        String version = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path app = home.resolve(version);
        // Spring Boot's tools name the thin jar after the packaged one (zhibiao.jar, or however it was renamed).
        Path thin = jar.getFileName();
        if (Files.isRegularFile(app.resolve(thin))) {
            return app;
        }
        Files.createDirectories(home);
        Path staging = Files.createTempDirectory(home, "extract-");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", staging.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (extract.waitFor() != 0 || !Files.isRegularFile(staging.resolve(thin))) {
            delete(staging);
            throw new IOException("extraction failed");
        }
        try {
            Files.move(staging, app, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another first run got there first; its copy is the same.
            delete(staging);
        }
        long now = System.currentTimeMillis();
        try (Stream<Path> versions = Files.list(home)) {
            for (Path old : versions.filter(p -> !p.equals(app)).toList()) {
                // A copy being extracted by another first run is left alone; one left by a killed run is not.
                boolean extracting = old.getFileName().toString().startsWith("extract-");
                if (!extracting || now - Files.getLastModifiedTime(old).toMillis() > STALE_STAGING_MILLIS) {
                    delete(old);
                }
            }
        }
        return app;
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(from);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary archive is overwritten by nobody and costs only disk.
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
