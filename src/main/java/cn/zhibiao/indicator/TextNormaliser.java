package cn.zhibiao.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

/**
 * Folds the variants real exports mix freely into one spelling, so that parsing and rule matching see one alphabet:
 * full-width digits and symbols (９５％, ＞＝), traditional characters (滿意度, 數量指標 from mirrors and Hong Kong-encoded
 * pages, converted with HanLP), the pinyin that some mirror sites print after each character ("數(shù)量"), "百分比" as
 * a unit, and a space before %. Callers keep the original text for display; only matching sees the folded one.
 */
public final class TextNormaliser {

    /** Pinyin with a tone mark in brackets right after a Chinese character: a mirror site's ruby annotation. */
    private static final Pattern PINYIN_ANNOTATION = Pattern.compile(
            "(?<=[\\u4e00-\\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]");

    /** "99百分比", "百分之95" and "95 %" are the percentage 95%. */
    private static final Pattern PERCENT_WORD = Pattern.compile("(\\d)\\s*百分比|百分之\\s*(\\d+(?:\\.\\d+)?)|(\\d)\\s+(?=[%‰])");

    private TextNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        // Most text is already in the one spelling: it is returned as it is, without copying (this runs for every cell).
        StringBuilder out = null;
        boolean traditional = false;
        boolean toneMark = false;
        boolean percentWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            traditional |= Traditional.CHARS.get(c);
            toneMark |= c >= 'à' && c <= 'ǜ';
            percentWord |= c == '百' || (c == '%' || c == '％' || c == '‰') && i > 0 && Character.isWhitespace(text.charAt(i - 1));
            if (folded != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        String folded = out == null ? text : out.toString();
        if (folded.indexOf('=') >= 0) {
            folded = folded.replace(">=", "≥").replace("<=", "≤");
        }
        if (toneMark) {
            folded = PINYIN_ANNOTATION.matcher(folded).replaceAll("");
        }
        if (traditional) {
            folded = HanLP.convertToSimplifiedChinese(folded);
        }
        if (percentWord) {
            folded = PERCENT_WORD.matcher(folded).replaceAll(m -> m.group(1) != null ? m.group(1) + "%"
                    : m.group(2) != null ? m.group(2) + "%" : m.group(3));
        }
        return folded;
    }

    private static char fold(char c) {
        if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '％', '﹪' -> '%';
            case '＞' -> '>';
            case '＜' -> '<';
            case '＝', '═' -> '=';
            case '≧', '⩾' -> '≥';
            case '≦', '⩽' -> '≤';
            case '．' -> '.';
            case '／' -> '/';
            case '－', '—', '–', '~', '～' -> '-';
            case '\u3000', '\u00A0', '\t' -> ' ';
            default -> c;
        };
    }

    /** Removes all white space, for comparing category labels that were split over lines or padded. */
    public static String squeeze(String text) {
        String normal = normalise(text);
        StringBuilder out = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            // The characters of the regex class \s; normalise() has already turned the wide spaces into ' '. A loop,
            // not replaceAll: this runs for every cell of every imported form.
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The characters HanLP converts when simplifying, read from its own table once: a text without any of them is
     * left alone, so HanLP's dictionaries are loaded only when a traditional character actually turns up.
     */
    private static final class Traditional {

        private static final String TABLE = HanLP.Config.tcDictionaryRoot + "t2s.txt";
        static final BitSet CHARS = load();

        private static BitSet load() {
            BitSet chars = new BitSet(0x10000);
            try (InputStream in = TextNormaliser.class.getClassLoader().getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("HanLP 繁简转换表 " + TABLE + " 不在类路径上");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String from = line.substring(0, eq);
                    String to = line.substring(eq + 1);
                    for (int i = 0; i < from.length(); i++) {
                        char c = from.charAt(i);
                        if (i >= to.length() || to.charAt(i) != c) {
                            chars.set(c);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("HanLP 繁简转换表 " + TABLE + " 无法读取：" + e.getMessage(), e);
            }
            return chars;
        }
    }
}
