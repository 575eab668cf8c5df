package cn.zhibiao.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhibiao.indicator.Level2;
import cn.zhibiao.indicator.TextNormaliser;

/**
 * Reads what a brief states — counts with their units (3处, 1.8万人, 十二部), standards (每生每天5元, 亩均1500元), rates
 * (85%以上, 不低于98%, 0.9‰以内), deadlines (2026年10月31日前, 每月15日前, 12月底前) and the funds — from its goals and
 * overview. Found with patterns, clause by clause, never guessed; each fact names itself with the brief's own words.
 */
final class FactExtractor {

    private static final String MEASURE = "平方公里|平方米|人次|人日|场次|公里|公斤|个|所|处|座|部|名|人|户|条|项|家|次|场|辆|台|"
            + "套|件|支|张|期|顶|床|亩|吨|盏|卷|页|册|头|只|天|篇|批|间|栋|块|份|把|艘|架|棵|株|米";
    private static final Pattern CHINESE_COUNT = Pattern.compile(
            "([零一二两三四五六七八九十百千]+)(?=(?:" + MEASURE + ")(?!性))");
    private static final Pattern COUNT = Pattern.compile(
            "(不少于|不低于|至少|达到|超过)?(?<![\\d.:/])(\\d+(?:\\.\\d+)?)\\s*(万|千)?(" + MEASURE + ")(?![/\\d]|元|内|以内|岁|周岁|等级)");
    /** 26.7万常住人口: 万 with the counted noun after it. */
    private static final Pattern TEN_THOUSAND_PEOPLE = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)万(?=[\\u4e00-\\u9fa5]{0,4}人口)");
    private static final Pattern STANDARD = Pattern.compile(
            "((?:每|单个|单)(公里|平方米|人次|[\\u4e00-\\u9fa5]{1,5}?)(?:每(天|日|月|年|季度|学期))?([\\u4e00-\\u9fa5]{0,6}?)|"
                    + "(人均|户均|亩均|生均|均)([\\u4e00-\\u9fa5]{0,4}?))"
                    + "(不超过|不高于|不低于|最高|为|按)?(\\d+(?:\\.\\d+)?)(万元|元)");
    private static final Pattern STANDARD_BEFORE = Pattern.compile(
            "(?:按)?(人均|户均|亩均|生均)(\\d+(?:\\.\\d+)?)(万元|元)标准");
    private static final Pattern RATE = Pattern.compile(
            "([^，。；、\\d%‰]{0,24}?)(达到|不低于|不高于|不超过|保持在|稳定在|控制在|低于|高于|为|达|在)?(\\d+(?:\\.\\d+)?)\\s*(%|‰)(以上|以内|以下|及以上)?");
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:((?:19|20)\\d{2})年)?(?:(每月|每季度末月|每季度首月)(\\d{1,2})日|(\\d{1,2})月(?:(\\d{1,2})日|底|末))前|"
                    + "((?:19|20)\\d{2})年(?:底|末)前");
    private static final Set<String> ONE_IS_A_PHRASE = Set.of("项", "批", "个", "次", "支", "套");
    private static final Pattern CLAUSE = Pattern.compile("[^，,。；;\\n]+");
    private static final List<String> AT_LEAST = List.of("达到", "不低于", "保持在", "稳定在", "高于", "以上", "及以上", "不少于", "至少",
            "超过");
    private static final List<String> AT_MOST = List.of("不高于", "不超过", "控制在", "低于", "以内", "以下", "最高");
    /** Where a following phrase stops being the thing counted. */
    private static final Pattern NOUN_STOP = Pattern.compile("提供|发放|实施|开展|给予|进行|完成|建设|改造|的|和|及|等|，|、|\\d");
    /** Verbs that say nothing about what is counted, dropped from the start of a name. */
    private static final Pattern GENERIC_LEAD = Pattern.compile("^(?:全年|年度|共计|共|计|累计|完成|其中|为|对|向|按|保障|全县|全市|全区|辖区)+");

    /** Rate words and the category they belong to, first match wins; everything else is a 社会效益. */
    private static final Map<Level2, Pattern> RATE_CATEGORY = Map.of(
            Level2.SATISFACTION, Pattern.compile("满意|好评"),
            Level2.TIMELINESS, Pattern.compile("及时|按时|按期|办结|办复|准时|维修及时"),
            Level2.ECOLOGICAL_BENEFIT, Pattern.compile("森林|绿化|空气|优良天数|受害率|无害化|排放|污染物|植被|湿地"),
            Level2.ECONOMIC_BENEFIT, Pattern.compile("收入|增收|产值|收缴|营业|销售|企业数量增长|税收"),
            Level2.QUALITY, Pattern.compile("合格|达标|准确|完好|验收|优良|有效率|传输率|质量|差错|执行率|在线率|亮灯率|密度|保洁|"
                    + "覆盖率|整改率|成功率|优良中等|发生率|准点|即办|认定|审核|清日|日产日清"));
    private static final List<Level2> RATE_ORDER = List.of(Level2.SATISFACTION, Level2.TIMELINESS,
            Level2.ECOLOGICAL_BENEFIT, Level2.ECONOMIC_BENEFIT, Level2.QUALITY);

    private FactExtractor() {
    }

    static List<Fact> extract(ProjectBrief brief) {
        List<Fact> out = new ArrayList<>();
        for (String part : new String[] {brief.annualGoal(), brief.overview(), brief.periodGoal()}) {
            if (part == null || part.isBlank()) {
                continue;
            }
            Matcher clause = CLAUSE.matcher(digits(TextNormaliser.normalise(part)));
            while (clause.find()) {
                read(clause.group().strip(), brief.year(), out);
            }
        }
        if (brief.fundsWanYuan() != null && brief.fundsWanYuan().signum() > 0) {
            out.add(new Fact(Fact.Kind.FUNDS, Level2.COST, "项目总成本", "≤" + plain(brief.fundsWanYuan()) + "万元",
                    "项目资金" + plain(brief.fundsWanYuan()) + "万元"));
        }
        return distinct(out);
    }

    /** Chinese numerals before a measure word (三处, 十二部, 一千二百人) as digits. */
    static String digits(String text) {
        Matcher m = CHINESE_COUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long n = ChineseNumber.parse(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group(1) : Long.toString(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void read(String clause, Integer year, List<Fact> out) {
        StringBuilder rest = new StringBuilder(clause);
        deadlines(clause, rest, year, out);
        standards(rest, out);
        rates(rest, out);
        counts(rest, out);
    }

    private static void deadlines(String clause, StringBuilder rest, Integer year, List<Fact> out) {
        Matcher m = DEADLINE.matcher(clause);
        while (m.find()) {
            String stated = m.group();
            String value = stated.matches("^(?:19|20)\\d{2}年.*") || stated.startsWith("每") || year == null
                    ? stated : year + "年" + stated;
            String after = clause.substring(m.end()).replaceAll("[^\\u4e00-\\u9fa5].*$", "");
            after = after.length() > 10 ? after.substring(0, 10) : after;
            String before = phrase(clause.substring(0, m.start()), false);
            String name = !after.isEmpty() ? after + "时间" : before.isEmpty() ? "完成时间" : before + "完成时间";
            out.add(new Fact(Fact.Kind.DEADLINE, Level2.TIMELINESS, name, value, stated));
            blank(rest, m.start(), m.end());
        }
    }

    private static void standards(StringBuilder rest, List<Fact> out) {
        Matcher before = STANDARD_BEFORE.matcher(rest);
        while (before.find()) {
            String per = perUnit(before.group(1).substring(0, 1));
            out.add(new Fact(Fact.Kind.STANDARD, Level2.COST, before.group(1) + "补助标准",
                    before.group(2) + before.group(3) + "/" + per, before.group()));
            blank(rest, before.start(), before.end());
        }
        Matcher m = STANDARD.matcher(rest);
        while (m.find()) {
            String lead = m.group(1);
            String per = m.group(2) != null ? perUnit(m.group(2)) : perUnit(m.group(5).substring(0, 1));
            String period = m.group(3) == null ? "" : "/" + (m.group(3).equals("日") ? "天" : m.group(3));
            String comparator = comparator(m.group(7), null);
            String name = lead.replaceAll("(?:不超过|不高于|为|按)$", "");
            if (!name.matches(".*(?:补助|补贴|奖励|投入|标准|费|资助|津贴|成本)$")) {
                name = name + "补助";
            }
            out.add(new Fact(Fact.Kind.STANDARD, Level2.COST, name.endsWith("标准") ? name : name + "标准",
                    comparator + m.group(8) + m.group(9) + "/" + per + period, m.group()));
            blank(rest, m.start(), m.end());
        }
    }

    private static void rates(StringBuilder rest, List<Fact> out) {
        Matcher m = RATE.matcher(rest);
        while (m.find()) {
            String words = m.group(1).replaceAll("^[\\s]*", "");
            String name = GENERIC_LEAD.matcher(words).replaceFirst("").strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.matches(".*(?:增长|下降|提高|降低|减少|提升)$")) {
                name = name + "幅度";
            }
            if (name.length() > 20) {
                name = name.substring(name.length() - 20);
            }
            String comparator = comparator(m.group(2), m.group(5));
            String number = m.group(3);
            if (comparator.isEmpty() && !number.equals("100")) {
                comparator = "≥";
            }
            out.add(new Fact(Fact.Kind.RATE, rateCategory(name), name, comparator + number + m.group(4), m.group()));
            blank(rest, m.start(), m.end());
        }
    }

    private static void counts(StringBuilder rest, List<Fact> out) {
        String text = rest.toString();
        Matcher people = TEN_THOUSAND_PEOPLE.matcher(text);
        while (people.find()) {
            String before = phrase(text.substring(0, people.start()), false);
            out.add(new Fact(Fact.Kind.COUNT, Level2.QUANTITY, (before.isEmpty() ? "服务" : before) + "人口数",
                    people.group(1) + "万人", people.group() + "人口"));
        }
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            String unit = m.group(4);
            // "1项重大惠民政策", "一批人才": a phrase, not a target count.
            if (m.group(2).equals("1") && m.group(3) == null && ONE_IS_A_PHRASE.contains(unit)) {
                continue;
            }
            String value = comparator(m.group(1), null) + m.group(2) + (m.group(3) == null ? "" : m.group(3)) + unit;
            String after = phrase(text.substring(m.end()), true);
            String before = phrase(text.substring(0, m.start()), false);
            out.add(new Fact(Fact.Kind.COUNT, Level2.QUANTITY, countName(before, after, unit), value, m.group()));
        }
    }

    /** The counted thing named as a form would: 受益学生人数, 加装电梯数量, 铺设供水管网长度. */
    private static String countName(String before, String after, String unit) {
        String noun = after.length() >= 2 && after.length() <= 10 ? after
                : !before.isEmpty() ? before : after.isEmpty() ? "" : after.substring(0, Math.min(10, after.length()));
        if (noun.isEmpty()) {
            noun = "完成";
        }
        String measure = switch (unit) {
            case "人", "名" -> "人数";
            case "人次" -> "人次";
            case "户" -> "户数";
            case "公里", "米" -> "长度";
            case "亩", "平方米", "平方公里" -> "面积";
            case "天" -> "天数";
            case "人日" -> "工作量";
            default -> "数量";
        };
        return noun.endsWith(measure) ? noun : noun + measure;
    }

    /** The words next to a figure, within its clause: after it up to a verb or particle, before it from the start. */
    private static String phrase(String text, boolean after) {
        String s = text.replace(" ", "");
        if (after) {
            s = s.replaceFirst("^[（(][^）)]*[）)]", "");
            Matcher stop = NOUN_STOP.matcher(s);
            String noun = stop.find() ? s.substring(0, stop.start()) : s;
            if (noun.isEmpty() && s.matches("^(?:完成|发放|拨付|完工|竣工|通过|建成|上线).*")) {
                Matcher end = Pattern.compile("[，、\\d]").matcher(s);
                noun = end.find() ? s.substring(0, end.start()) : s;
            }
            return noun.replaceAll("[^\\u4e00-\\u9fa5]", "");
        }
        int cut = Math.max(Math.max(s.lastIndexOf('、'), s.lastIndexOf('，')), Math.max(s.lastIndexOf('）'),
                s.lastIndexOf(')')));
        s = s.substring(cut + 1).replaceAll(".*\\d[^\\u4e00-\\u9fa5]*", "");
        s = GENERIC_LEAD.matcher(s.replaceAll("[^\\u4e00-\\u9fa5]", "")).replaceFirst("");
        return s.length() > 10 ? s.substring(s.length() - 10) : s;
    }

    static Level2 rateCategory(String name) {
        for (Level2 level2 : RATE_ORDER) {
            if (RATE_CATEGORY.get(level2).matcher(name).find()) {
                return level2;
            }
        }
        return Level2.SOCIAL_BENEFIT;
    }

    private static String perUnit(String word) {
        return switch (word) {
            case "生", "名", "人" -> "人";
            case "日" -> "天";
            case "公里", "平方米", "人次" -> word;
            default -> word.startsWith("个") && word.length() > 1 ? word.substring(1, 2)
                    : word.startsWith("名") || word.startsWith("生") ? "人" : word.substring(0, 1);
        };
    }

    private static String comparator(String lead, String tail) {
        for (String w : new String[] {lead, tail}) {
            if (w == null) {
                continue;
            }
            if (AT_MOST.contains(w)) {
                return "≤";
            }
            if (AT_LEAST.contains(w)) {
                return "≥";
            }
        }
        return "";
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static List<Fact> distinct(List<Fact> facts) {
        Set<String> seen = new LinkedHashSet<>();
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (seen.add(f.level2() + "|" + f.value() + "|" + f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
