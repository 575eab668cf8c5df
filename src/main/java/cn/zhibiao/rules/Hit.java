package cn.zhibiao.rules;

import java.util.Map;

/**
 * What a rule function reports: the offending words (to locate the span in the value), the values for the
 * message's placeholders, and for declaration rules the row the finding belongs to (null for the whole declaration).
 */
record Hit(String phrase, boolean wholeValue, Map<String, String> params, Integer indicatorIndex) {

    static final Hit WHOLE = new Hit(null, true, Map.of(), null);
    static final Hit NO_SPAN = new Hit(null, false, Map.of(), null);

    static Hit at(String phrase) {
        return new Hit(phrase, false, Map.of(), null);
    }

    static Hit with(Map<String, String> params) {
        return new Hit(null, false, params, null);
    }

    static Hit onRow(int indicatorIndex, Map<String, String> params) {
        return new Hit(null, false, params, indicatorIndex);
    }
}
