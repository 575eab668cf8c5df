package cn.zhibiao.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level1;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.Scope;
import cn.zhibiao.indicator.TextNormaliser;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sector indicator library of {@code corpus/library/*.yaml} (shipped in the jar): indicators by functional class,
 * and the keywords that recognise a class from a project's name, goals and department. Every entry is checked by the
 * rule checker when loaded; an entry the checker flags stops the start, naming file and entry.
 */
public final class SectorLibrary {

    static final String LOCATION = "classpath*:corpus/library/*.yaml";
    /** The class of the generic templates: used only where a project's own class has nothing for a category. */
    static final String GENERIC = "通用";

    /** One functional class with its recognising words. */
    record Sector(String name, String code, List<String> keywords, List<String> departments,
            List<LibraryEntry> entries) {
    }

    private final Map<String, Sector> sectors;
    private final SectorSettings settings;

    private SectorLibrary(Map<String, Sector> sectors, SectorSettings settings) {
        this.sectors = sectors;
        this.settings = settings;
    }

    /** Reads and validates the library; {@code checker} judges every entry with typical numbers in its slots. */
    public static SectorLibrary load(RowChecker checker, SectorSettings settings) {
        Map<String, Sector> sectors = new LinkedHashMap<>();
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver(SectorLibrary.class.getClassLoader())
                    .getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取指标库 corpus/library", e);
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            Sector sector = read(file);
            sectors.put(sector.name(), sector);
        }
        if (!sectors.containsKey(GENERIC)) {
            throw new IllegalStateException("指标库 corpus/library 缺少通用模板（sector: " + GENERIC + "）");
        }
        SectorLibrary library = new SectorLibrary(sectors, settings);
        library.validate(checker);
        return library;
    }

    private static Sector read(Resource file) {
        String where = "corpus/library/" + file.getFilename();
        try (InputStream in = file.getInputStream()) {
            JsonNode root = new YAMLMapper().readTree(in);
            String name = required(root, "sector", where);
            List<LibraryEntry> entries = new ArrayList<>();
            int i = 0;
            for (JsonNode e : root.path("entries")) {
                i++;
                String at = where + " 第" + i + "条";
                Level2 level2 = Level2.fromLabel(required(e, "level2", at));
                Level1 level1 = Level1.fromLabel(required(e, "level1", at));
                if (level2 == null || level1 == null || level2.parent() != level1 && level1 != Level1.SATISFACTION) {
                    throw new IllegalStateException(at + "：一级/二级指标“" + e.path("level1").asString() + "/"
                            + e.path("level2").asString() + "”不在指标体系中");
                }
                entries.add(new LibraryEntry(name, level1, level2, required(e, "name", at), required(e, "pattern", at),
                        e.path("unit").asString(""), required(e, "basis", at)));
            }
            return new Sector(name, root.path("code").asString(""), strings(root.path("keywords")),
                    strings(root.path("departments")), List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取指标库文件 " + where, e);
        }
    }

    private void validate(RowChecker checker) {
        List<String> problems = new ArrayList<>();
        ProjectBrief context = new ProjectBrief("指标库校验", null, null, 2026, null, null, null, null, List.of());
        for (Sector sector : sectors.values()) {
            for (LibraryEntry e : sector.entries()) {
                RowCheck check = checker.check(context, List.of(Indicator.of(e.level1().label(), e.level2().label(),
                        e.name(), e.probe(), Scope.ANNUAL)));
                if (!check.row(0).isEmpty()) {
                    problems.add(sector.name() + "“" + e.name() + "：" + e.pattern() + "”：" + check.row(0).stream()
                            .map(f -> f.ruleId() + " " + f.message()).toList());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("指标库中有未通过规则检查的条目：\n" + String.join("\n", problems));
        }
    }

    /** The class whose words the project uses most: its name counts most, then its department, then its goals. */
    public SectorGuess detect(ProjectBrief brief) {
        String name = TextNormaliser.squeeze(nullToEmpty(brief.projectName()));
        String department = TextNormaliser.squeeze(nullToEmpty(brief.department()));
        String text = TextNormaliser.squeeze(nullToEmpty(brief.overview()) + nullToEmpty(brief.annualGoal())
                + nullToEmpty(brief.periodGoal()));
        Map<String, Double> scores = new LinkedHashMap<>();
        double total = 0;
        for (Sector sector : sectors.values()) {
            double score = 0;
            for (String word : sector.keywords()) {
                score += (name.contains(word) ? settings.nameWeight() : 0) + (text.contains(word) ? settings.goalWeight() : 0);
            }
            for (String word : sector.departments()) {
                score += department.contains(word) ? settings.departmentWeight() : 0;
            }
            scores.put(sector.name(), score);
            total += score;
        }
        var best = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return best.getValue() <= 0 ? new SectorGuess(GENERIC, 0) : new SectorGuess(best.getKey(), best.getValue() / total);
    }

    List<LibraryEntry> entries(String sector) {
        Sector s = sectors.get(sector);
        return s == null ? List.of() : s.entries();
    }

    List<LibraryEntry> templates() {
        return sectors.get(GENERIC).entries();
    }

    /** Number of classes other than the generic templates. */
    int sectorCount() {
        return sectors.size() - 1;
    }

    int size() {
        return sectors.values().stream().mapToInt(s -> s.entries().size()).sum();
    }

    private static String required(JsonNode node, String field, String where) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException(where + " 缺少 " + field);
        }
        return value;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asString()));
        return List.copyOf(out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
