package cn.zhibiao.retrieval;

import java.util.List;

/** A query term found in a hit, and the fields it was found in (projectName, goals, indicators, bigram…). */
public record MatchedTerm(String term, List<String> fields) {

    public MatchedTerm {
        fields = List.copyOf(fields);
    }
}
