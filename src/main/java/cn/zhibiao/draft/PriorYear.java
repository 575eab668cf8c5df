package cn.zhibiao.draft;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.TextNormaliser;
import cn.zhibiao.retrieval.Hit;
import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;

/**
 * Last year's declaration of the same project: same department, the year before, and a name alike enough (Dice
 * coefficient of character pairs, so "2023年城乡低保金" and "城乡低保资金" match). Drafts are searched first, then the
 * corpus and approved declarations through retrieval.
 */
@Component
class PriorYear {

    private final DraftStore store;
    private final SimilarProjects similar;
    private final DraftProperties properties;

    PriorYear(DraftStore store, SimilarProjects similar, DraftProperties properties) {
        this.store = store;
        this.similar = similar;
        this.properties = properties;
    }

    enum Origin { DRAFT, CORPUS }

    record Prior(boolean found, String message, Origin origin, Long draftId, String declarationId, String source,
            double nameSimilarity, Declaration declaration) {

        static Prior none(String message) {
            return new Prior(false, message, null, null, null, null, 0, null);
        }
    }

    Prior of(Draft draft) {
        Declaration d = draft.declaration();
        if (d.year() == null || d.projectName() == null || d.projectName().isBlank()) {
            return Prior.none("填写年度和项目名称后才能查找上年申报");
        }
        int lastYear = d.year() - 1;
        Prior best = Prior.none("未找到 " + lastYear + " 年“" + draft.department() + "”的同一项目申报");
        for (DraftStore.Head head : store.ofDepartmentAndYear(draft.department(), lastYear)) {
            double score = nameSimilarity(d.projectName(), head.projectName());
            if (score >= properties.priorNameSimilarity() && score > best.nameSimilarity()) {
                Declaration prior = store.version(head.id(), head.version()).orElseThrow().declaration();
                best = new Prior(true, null, Origin.DRAFT, head.id(), null, prior.source(), score, prior);
            }
        }
        if (best.found()) {
            return best;
        }
        for (Hit hit : similar.search(new ProjectQuery(d.projectName(), null, d.department(), d.region(), lastYear,
                null), properties.similarProjects()).hits()) {
            Declaration past = hit.declaration();
            double score = nameSimilarity(d.projectName(), past.projectName());
            boolean sameDepartment = past.department() != null
                    && TextNormaliser.squeeze(past.department()).equals(TextNormaliser.squeeze(draft.department()));
            if (sameDepartment && Integer.valueOf(lastYear).equals(past.year())
                    && score >= properties.priorNameSimilarity() && score > best.nameSimilarity()) {
                best = new Prior(true, null, Origin.CORPUS, null, past.id(), past.source(), score, past);
            }
        }
        return best;
    }

    static double nameSimilarity(String a, String b) {
        Set<String> x = pairs(a);
        Set<String> y = pairs(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size());
    }

    /** Character pairs of the name without digits, spaces and punctuation: years and numbering differ between years. */
    private static Set<String> pairs(String name) {
        String s = name == null ? "" : name.replaceAll("\\p{N}+年度?", "").replaceAll("[\\p{P}\\p{Z}\\s]", "");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            pairs.add(s.substring(i, i + 2));
        }
        return pairs;
    }
}
