package cn.zhibiao.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Word lists of the analysers, kept as data files under {@code retrieval/} and read once. */
final class DomainDictionary {

    static final Set<String> TERMS = read("/retrieval/domain-terms.txt");
    static final Set<String> STOPWORDS = read("/retrieval/stopwords.txt");

    private DomainDictionary() {
    }

    private static Set<String> read(String resource) {
        try (InputStream in = DomainDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("缺少词表文件 " + resource);
            }
            Set<String> words = new LinkedHashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                String word = line.strip();
                if (word.isEmpty() || word.startsWith("#")) {
                    continue;
                }
                if (word.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalStateException(resource + " 第 " + lineNo + " 行含空白，每行只能放一个词：" + line);
                }
                words.add(word);
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取词表文件 " + resource, e);
        }
    }
}
