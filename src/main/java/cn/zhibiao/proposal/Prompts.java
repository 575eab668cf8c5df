package cn.zhibiao.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The prompt files of {@code prompts/}, read once at start. A result records the SHA-256 of the prompt text it was
 * produced with, so that a proposal can be traced to the exact wording even after the files are edited.
 */
public record Prompts(Prompt system, Prompt propose, Prompt repair, Prompt explain, Prompt assistant) {

    /** One prompt file: its text and the SHA-256 of that text. */
    public record Prompt(String file, String text, String sha256) {

        /** The text with each {{name}} replaced. */
        public String render(Map<String, String> values) {
            String out = text;
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace("{{" + e.getKey() + "}}", e.getValue());
            }
            return out;
        }
    }

    public static Prompts load(Path dir) {
        return new Prompts(read(dir, "propose-indicators.system.md"), read(dir, "propose.user.md"),
                read(dir, "repair.user.md"), read(dir, "explain.system.md"), read(dir, "chat-assistant.system.md"));
    }

    /** The hash a proposal records: of the system and user prompt texts it was asked with, in that order. */
    public String proposeHash() {
        return sha256(system.text() + "\u0000" + propose.text());
    }

    private static Prompt read(Path dir, String file) {
        Path path = dir.resolve(file);
        if (!Files.isDirectory(dir)) {
            return bundled(file);
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new IllegalStateException("提示词文件为空：" + path.toAbsolutePath());
            }
            return new Prompt(file, text, sha256(text));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("缺少提示词文件：" + path.toAbsolutePath()
                    + "（可用 zhibiao.proposal.prompts-dir 指定目录）", e);
        } catch (IOException e) {
            throw new IllegalStateException("无法读取提示词文件：" + path.toAbsolutePath() + "（" + e.getMessage() + "）", e);
        }
    }

    /** The copy shipped in the jar, for a command run from a directory without {@code prompts/}. */
    private static Prompt bundled(String file) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("缺少提示词文件：" + file + "（可用 zhibiao.proposal.prompts-dir 指定目录）");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Prompt(file, text, sha256(text));
        } catch (IOException e) {
            throw new IllegalStateException("无法读取提示词文件：" + file + "（" + e.getMessage() + "）", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
