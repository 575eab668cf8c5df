package cn.zhibiao.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * Reads .xlsx sheets as a stream of XML events (never POI's in-memory workbook), so a sheet's declared size, its
 * cells and its merged regions are checked one by one and a hostile sheet is refused before it costs memory.
 */
final class XlsxReader {

    private XlsxReader() {
    }

    static List<Row> read(String name, byte[] bytes, ImportLimits limits) throws ImportException, IOException {
        List<Row> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new DataFormatter();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    SheetGrid grid = new SheetGrid(name, sheets.getSheetName(), limits);
                    readSheet(sheet, grid, strings, styles, formatter);
                    rows.addAll(grid.rows());
                }
            }
        } catch (OpenXML4JException | SAXException | XMLStreamException e) {
            throw new IOException(e);
        }
        return rows;
    }

    private static void readSheet(InputStream in, SheetGrid grid, ReadOnlySharedStringsTable strings,
            StylesTable styles, DataFormatter formatter) throws XMLStreamException, ImportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        int row = -1;
        int column = -1;
        String ref = null;
        String type = null;
        String style = null;
        StringBuilder text = null;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "dimension" -> grid.declared(xml.getAttributeValue(null, "ref"));
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                            column = -1;
                        }
                        case "c" -> {
                            ref = xml.getAttributeValue(null, "r");
                            type = xml.getAttributeValue(null, "t");
                            style = xml.getAttributeValue(null, "s");
                            column = ref == null ? column + 1 : new CellReference(ref).getCol();
                            text = new StringBuilder();
                        }
                        case "v", "t" -> {
                            if (text != null) {
                                text.append(xml.getElementText());
                            }
                        }
                        case "mergeCell" -> grid.merge(CellRangeAddress.valueOf(xml.getAttributeValue(null, "ref")));
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    grid.put(row, column, value(text.toString(), type, style, strings, styles, formatter));
                    text = null;
                }
            }
        } finally {
            xml.close();
        }
    }

    private static String value(String raw, String type, String style, ReadOnlySharedStringsTable strings,
            StylesTable styles, DataFormatter formatter) {
        if (raw.isEmpty()) {
            return "";
        }
        if ("s".equals(type)) {
            return strings.getItemAt(Integer.parseInt(raw.strip())).getString();
        }
        if ("b".equals(type)) {
            return "1".equals(raw) ? "是" : "否";
        }
        if (type == null || "n".equals(type)) {
            XSSFCellStyle cellStyle = style == null || styles == null ? null
                    : styles.getStyleAt(Integer.parseInt(style));
            try {
                return SheetGrid.number(raw.strip(), cellStyle == null ? 0 : cellStyle.getDataFormat(),
                        cellStyle == null ? null : cellStyle.getDataFormatString(), formatter);
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw;
    }
}
