package cn.zhibiao.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhibiao.proposal.LlmAnswer.Draft;

class RowScannerTest {

    static List<List<String>> feed(String text, int pieceSize) {
        RowScanner scanner = new RowScanner();
        List<List<String>> completedPerPiece = new ArrayList<>();
        for (int i = 0; i < text.length(); i += pieceSize) {
            completedPerPiece.add(scanner.append(text.substring(i, Math.min(text.length(), i + pieceSize))).stream()
                    .map(Draft::name).toList());
        }
        return completedPerPiece;
    }

    @Test
    void yieldsEachRowOnceWhenItsClosingBraceArrives() {
        String text = "{\"rows\":[{\"name\":\"参保人数\",\"value\":\"100000人\",\"sources\":[\"a\"]},"
                + "{\"name\":\"参保率\",\"value\":\"≥95%\"}]}";

        List<List<String>> completed = feed(text, 1);

        assertThat(completed.stream().flatMap(List::stream)).containsExactly("参保人数", "参保率");
        int firstClose = text.indexOf("]}") + 1;
        assertThat(completed.get(firstClose)).containsExactly("参保人数");
    }

    @Test
    void ignoresBracesInsideStringsAndReasoning() {
        String text = "<think>{\"rows\":[{\"name\":\"草稿\"}]}</think>好的：```json\n{\"rows\":[{\"name\":\"含}括号{\\\"的名称\","
                + "\"value\":\"1个\"}]}\n```";

        assertThat(feed(text, 3).stream().flatMap(List::stream)).containsExactly("含}括号{\"的名称");
    }

    @Test
    void readsATopLevelArray() {
        assertThat(feed("[{\"name\":\"甲\"},{\"name\":\"乙\"}]", 2).stream().flatMap(List::stream))
                .containsExactly("甲", "乙");
    }
}
