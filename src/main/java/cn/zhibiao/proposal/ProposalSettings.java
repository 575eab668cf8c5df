package cn.zhibiao.proposal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.system.CommandSettings;

/**
 * How a proposal is made: how many similar projects it looks at and how similar a precedent must be, how many rows each
 * category gets (a bureau may ask for more), when two names say the same thing, how sector keywords weigh, and where
 * the prompt files are.
 */
@ConfigurationProperties("zhibiao.proposal")
public record ProposalSettings(int similarK, Path promptsDir, double minPrecedentSimilarity,
        double duplicateNameSimilarity, Map<String, Integer> rowsPerCategory, SectorSettings sector) {

    public ProposalSettings {
        similarK = similarK <= 0 ? 5 : similarK;
        promptsDir = promptsDir == null ? Path.of("prompts") : promptsDir;
        // Defaults of application.yaml, for a context that binds none (a required category always gets one row).
        duplicateNameSimilarity = duplicateNameSimilarity <= 0 ? 0.6 : duplicateNameSimilarity;
        rowsPerCategory = rowsPerCategory == null ? Map.of() : Map.copyOf(rowsPerCategory);
        sector = sector == null ? new SectorSettings(3, 2, 1) : sector;
    }

    public static ProposalSettings from(CommandSettings settings) {
        Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        settings.map("zhibiao.proposal.rows-per-category").forEach((k, v) -> rows.put(k, Integer.parseInt(v)));
        return new ProposalSettings(Integer.parseInt(settings.get("zhibiao.proposal.similar-k")),
                Path.of(settings.get("zhibiao.proposal.prompts-dir")),
                Double.parseDouble(settings.get("zhibiao.proposal.min-precedent-similarity")),
                Double.parseDouble(settings.get("zhibiao.proposal.duplicate-name-similarity")), rows,
                new SectorSettings(Double.parseDouble(settings.get("zhibiao.proposal.sector.name-weight")),
                        Double.parseDouble(settings.get("zhibiao.proposal.sector.department-weight")),
                        Double.parseDouble(settings.get("zhibiao.proposal.sector.goal-weight"))));
    }

    /** The row counts by category: keys are the categories in English (quantity, social-benefit, …). */
    Map<Level2, Integer> rowsByLevel2() {
        Map<Level2, Integer> out = new EnumMap<>(Level2.class);
        rowsPerCategory.forEach((key, count) -> {
            String name = key.toUpperCase(Locale.ROOT).replace('-', '_');
            for (Level2 level2 : Level2.values()) {
                if (level2.name().equals(name) || level2.name().replace("_", "").equals(name)) {
                    out.put(level2, count);
                }
            }
        });
        return out;
    }
}
