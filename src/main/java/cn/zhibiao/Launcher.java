package cn.zhibiao;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * The jar's start class. It is compiled for Java 8 (see pom.xml) so that an older Java prints one Chinese line saying
 * what to install, instead of an UnsupportedClassVersionError; the application itself is loaded by name for that
 * reason, and started in a second JVM with archived classes where it can be (see SharedClassesStart). The build puts
 * this class and SharedClassesStart at the packaged jar's root as its Main-Class, so that the first JVM does not pay
 * for Spring Boot's nested-jar loader (0.6 s of a 1.5 s command) only to start the second.
 */
public final class Launcher {

    private static final int REQUIRED_JAVA = 21;
    private static final int EXIT_WRONG_JAVA = 1;
    private static final String JAR_MODE = "jarmode";
    /** Set once it is decided that the application runs in this JVM, for the copy of this class Spring Boot starts. */
    private static final String IN_THIS_JVM = "zhibiao.in-this-jvm";
    private static final String SPRING_BOOT_CLASSES = "BOOT-INF/classpath.idx";
    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final String APPLICATION = "cn.zhibiao.ZhibiaoApplication";

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version");
        // Java 8 and older call themselves "1.8"; later ones "9", "17", "21".
        int feature = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        if (feature < REQUIRED_JAVA) {
            System.err.println("Zhibiao 需要 Java " + REQUIRED_JAVA + " 或更高版本（当前为 Java " + version
                    + "）：请安装 JDK " + REQUIRED_JAVA + "（如 Eclipse Temurin " + REQUIRED_JAVA + "）后重试。");
            System.exit(EXIT_WRONG_JAVA);
        }
        try {
            if (System.getProperty(JAR_MODE) == null && System.getProperty(IN_THIS_JVM) == null) {
                Optional<?> exit = (Optional<?>) Class.forName("cn.zhibiao.SharedClassesStart")
                        .getMethod("run", String[].class).invoke(null, (Object) args);
                if (exit.isPresent()) {
                    System.exit((Integer) exit.get());
                }
            }
            if (System.getProperty(IN_THIS_JVM) != null) {
                // Started again by Spring Boot's launcher (this class is its Start-Class), whose class loader, set as
                // the context loader, reaches the application in BOOT-INF.
                Class.forName(APPLICATION, true, Thread.currentThread().getContextClassLoader())
                        .getMethod("main", String[].class).invoke(null, (Object) args);
            } else if (Launcher.class.getResource("/" + SPRING_BOOT_CLASSES) != null) {
                // The packaged jar's root: the application is behind Spring Boot's nested-jar loader (or a -Djarmode
                // tool is asked for, which that launcher runs).
                System.setProperty(IN_THIS_JVM, "true");
                Class.forName(SPRING_BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
            } else {
                Class.forName(APPLICATION).getMethod("main", String[].class).invoke(null, (Object) args);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
