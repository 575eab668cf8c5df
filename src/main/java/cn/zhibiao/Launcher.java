package cn.zhibiao;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * The jar's start class. It is compiled for Java 8 (see pom.xml) so that an older Java prints one Chinese line saying
 * what to install, instead of an UnsupportedClassVersionError; the application itself is loaded by name for that
 * reason, and started in a second JVM with archived classes where it can be (see SharedClassesStart).
 */
public final class Launcher {

    private static final int REQUIRED_JAVA = 21;
    private static final int EXIT_WRONG_JAVA = 1;

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
            Optional<?> exit = (Optional<?>) Class.forName("cn.zhibiao.SharedClassesStart")
                    .getMethod("run", String[].class).invoke(null, (Object) args);
            if (exit.isPresent()) {
                System.exit((Integer) exit.get());
            }
            Class.forName("cn.zhibiao.ZhibiaoApplication").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
