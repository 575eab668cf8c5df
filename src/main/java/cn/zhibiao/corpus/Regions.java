package cn.zhibiao.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small gazetteer (resource {@code corpus/regions.tsv}: alias, tab, full name) that names the region of a form
 * from the places its text mentions. Longer aliases are tried first so that 石鼓区 is not read as a bare 区.
 */
final class Regions {

    private static final String RESOURCE = "/corpus/regions.tsv";
    private static final Map<String, String> ALIASES = load();

    private Regions() {
    }

    static String find(String documentText) {
        return ALIASES.entrySet().stream()
                .filter(e -> documentText.contains(e.getKey()))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    private static Map<String, String> load() {
        Map<String, String> aliases = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("缺少地区词表资源 " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException(RESOURCE + " 第" + n + "行格式错误：应为“别名<TAB>全称”");
                }
                aliases.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sorted = new LinkedHashMap<>();
        aliases.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
