package cn.zhibiao.proposal;

import java.util.HashSet;
import java.util.Set;

import cn.zhibiao.indicator.TextNormaliser;

/** How alike two pieces of Chinese wording are, by the two-character words they share. */
final class Wording {

    private Wording() {
    }

    static Set<String> bigrams(String text) {
        String s = TextNormaliser.squeeze(text == null ? "" : text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            if (Character.isIdeographic(s.codePointAt(i)) && Character.isIdeographic(s.codePointAt(i + 1))) {
                out.add(s.substring(i, i + 2));
            }
        }
        return out;
    }

    /** Dice coefficient of the two texts' bigrams: 1 for the same wording, 0 for nothing in common. */
    static double similarity(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y) && TextNormaliser.squeeze(a).equals(TextNormaliser.squeeze(b)) ? 1 : 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size());
    }

    /** How many of the name's bigrams the text contains. */
    static int shared(String name, String text) {
        Set<String> x = bigrams(name);
        x.retainAll(bigrams(text));
        return x.size();
    }

    /** "河南省洛阳市高新技术产业开发区" as a reviewer says it: "洛阳高新区". */
    static String shortRegion(String region) {
        if (region == null || region.isBlank()) {
            return "";
        }
        return region.strip().replaceFirst("^[\\u4e00-\\u9fa5]{2,3}?(?:省|自治区)", "")
                .replace("高新技术产业开发区", "高新区").replace("经济技术开发区", "经开区")
                .replaceFirst("^([\\u4e00-\\u9fa5]{2,3}?)市(?=.)", "$1");
    }

    /** A past project as a rationale names it: 《社保专干补贴》（洛阳高新区 2021）. */
    static String cite(String projectName, String region, Integer year) {
        String where = (shortRegion(region) + (year == null ? "" : " " + year)).strip();
        return "《" + projectName + "》" + (where.isEmpty() ? "" : "（" + where + "）");
    }
}
