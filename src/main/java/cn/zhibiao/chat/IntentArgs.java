package cn.zhibiao.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The arguments of an understood request, null where they do not apply. {@code indicatorIndex} is 0-based in the
 * draft's indicators (users say 第3行 for index 2); {@code level2} is the canonical category name; {@code value} is
 * the requested value with comparator words as symbols (不低于95% → ≥95%); {@code count} is how many indicators a
 * proposal asks for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntentArgs(Integer indicatorIndex, String level2, String value, String query, String term,
        Integer count) {

    public static final IntentArgs NONE = new IntentArgs(null, null, null, null, null, null);
}
