package cn.zhibiao.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The model's prose as it streams in, piece by piece, checked before users see it. */
class ProseGuardTest {

    static final String CANARY = "ZB-1A2B3C4D-5E6F";
    static final Predicate<String> SOURCES = c -> List.of("《居家养老服务补贴资金》", "90%").contains(c);

    static List<String> stream(String... pieces) {
        ProseGuard guard = new ProseGuard(CANARY, SOURCES);
        List<String> shown = new java.util.ArrayList<>();
        for (String piece : pieces) {
            shown.add(guard.append(piece));
        }
        shown.add(guard.finish());
        return shown;
    }

    @Test
    void marksADocumentNumberSplitAcrossPiecesThatNoSourceContains() {
        assertThat(String.join("", stream("根据财社", "〔20", "19〕8", "8号文件，", "应当补充。")))
                .isEqualTo("根据财社〔2019〕88号" + ProseGuard.UNSUPPORTED + "文件，应当补充。");
    }

    @Test
    void leavesCitedSourcesAndFiguresFromTheDraftAlone() {
        assertThat(String.join("", stream("参照《居家养老", "服务补贴资金》，满意度", "90", "%即可。")))
                .isEqualTo("参照《居家养老服务补贴资金》，满意度90%即可。");
    }

    @Test
    void marksAFigureNoSourceGives() {
        assertThat(String.join("", stream("满意度应达到9", "7%。"))).isEqualTo("满意度应达到97%" + ProseGuard.UNSUPPORTED + "。");
    }

    @Test
    void releasesOrdinaryTextAtOnce() {
        assertThat(stream("好的，", "草稿共有", "5行（其中", "两行有问题）。")).startsWith("好的，", "草稿共有");
    }

    @Test
    void neverShowsTheCanaryEvenSplitAcrossPieces() {
        List<String> shown = stream("我的说明：〔ZB-1A2", "B3C4D-5E", "6F〕本段为内部说明", "，还有更多。");

        assertThat(String.join("", shown)).doesNotContain("ZB-1A2").doesNotContain("本段为内部说明")
                .endsWith(ProseGuard.WITHHELD);
    }

    @Test
    void replacesARationaleThatCarriesTheCanary() {
        assertThat(ProseGuard.check("〔" + CANARY + "〕本段为内部说明", CANARY, SOURCES)).doesNotContain(CANARY)
                .contains("已隐去");
    }
}
