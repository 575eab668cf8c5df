package cn.zhibiao.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a text-based PDF back into table rows. Glyphs on one baseline form a line; a gap wider than about a character
 * and a half separates two cells. Below a line that reads as an indicator-table header, each cell is put in the
 * column whose header it stands under, so blank cells of the printed table become blank cells again.
 */
final class PdfReader {

    /** A gap of this many glyph widths between two glyphs separates cells. */
    private static final double CELL_GAP = 1.5;

    private PdfReader() {
    }

    /** Stops the text stripper of a PDF that holds more text than any form. */
    private static final class TooMuchText extends RuntimeException {
        TooMuchText() {
            super(null, null, false, false);
        }
    }

    private record Glyph(int page, float x, float y, float width, float height, String text) {
    }

    private record Cell(float x, String text) {
    }

    static List<Row> read(String name, byte[] bytes, ImportLimits limits) throws ImportException, IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(getCurrentPageNo(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                                p.getHeightDir(), p.getUnicode()));
                        if (glyphs.size() > limits.maxCells() * 4) {
                            throw new TooMuchText();
                        }
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(document);
        } catch (InvalidPasswordException e) {
            throw new ImportException(name, "PDF 文件已加密（设置了打开密码），请去掉密码后再导入", e);
        } catch (TooMuchText e) {
            throw new ImportException(name, "PDF 中的文字超过 " + limits.maxCells() * 4 + " 个字符，不像一张申报表，已拒绝", e);
        }
        if (glyphs.stream().noneMatch(g -> !g.text().isBlank())) {
            throw new ImportException(name, "PDF 中没有可提取的文字（可能是扫描件或图片），请导入可复制文字的 PDF，或原始的 Word/Excel 文件");
        }
        return rows(lines(glyphs));
    }

    private static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingInt(Glyph::page).thenComparingDouble(Glyph::y));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = new ArrayList<>();
        for (Glyph glyph : sorted) {
            if (!line.isEmpty()) {
                Glyph first = line.getFirst();
                if (glyph.page() != first.page() || Math.abs(glyph.y() - first.y()) > Math.max(first.height(), 1) / 2) {
                    lines.add(line);
                    line = new ArrayList<>();
                }
            }
            line.add(glyph);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<Cell> cells(List<Glyph> line) {
        List<Glyph> sorted = new ArrayList<>(line);
        sorted.sort(Comparator.comparingDouble(Glyph::x));
        List<Cell> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float start = 0;
        float end = 0;
        for (Glyph glyph : sorted) {
            float em = Math.max(glyph.width(), glyph.height() / 2);
            if (text.length() > 0 && glyph.x() - end > CELL_GAP * em) {
                cells.add(new Cell(start, text.toString().strip()));
                text.setLength(0);
            }
            if (text.length() == 0) {
                start = glyph.x();
            }
            text.append(glyph.text());
            end = glyph.x() + glyph.width();
        }
        if (!text.toString().isBlank()) {
            cells.add(new Cell(start, text.toString().strip()));
        }
        return cells;
    }

    private static List<Row> rows(List<List<Glyph>> lines) {
        List<Row> rows = new ArrayList<>();
        List<Float> columns = null;
        int n = 0;
        for (List<Glyph> line : lines) {
            n++;
            List<Cell> cells = cells(line);
            if (cells.isEmpty()) {
                continue;
            }
            List<String> texts = cells.stream().map(c -> CellText.clean(c.text())).toList();
            Row plain = new Row(n, texts, false);
            if (!IndicatorTable.find(List.of(plain), new Warnings("")).isEmpty()) {
                columns = cells.stream().map(Cell::x).toList();
                rows.add(plain);
                continue;
            }
            if (columns != null && cells.size() > 1) {
                rows.add(new Row(n, snapped(cells, columns), false));
            } else if (cells.size() == 1) {
                rows.add(Row.paragraph(n, texts.getFirst()));
            } else {
                rows.add(plain);
            }
        }
        return rows;
    }

    /** Each cell in the header column that starts nearest left of it (a cell never precedes its column much). */
    private static List<String> snapped(List<Cell> cells, List<Float> columns) {
        String[] laid = new String[columns.size()];
        java.util.Arrays.fill(laid, "");
        for (Cell cell : cells) {
            int column = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c) <= cell.x() + 2) {
                    column = c;
                }
            }
            laid[column] = laid[column].isEmpty() ? CellText.clean(cell.text())
                    : laid[column] + " " + CellText.clean(cell.text());
        }
        return List.of(laid);
    }
}
