package org.nianbao.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a Word document (.docx) with POI: the body's paragraphs in order and its real tables cell by cell,
 * a horizontally merged cell spread over the columns it spans. Headers and footers are not part of the body.
 */
final class DocxReader {

    private DocxReader() {
    }

    static Document read(String name, byte[] bytes, ReadingLimits limits) {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxArchiveBytes(), 100L << 20)); // bounds the XML POI parses
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            DocumentBuilder out = new DocumentBuilder(limits.maxCharacters());
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = p.getText();
                    if (!text.isBlank()) {
                        out.paragraph(text);
                    }
                } else if (element instanceof XWPFTable t) {
                    table(t, out);
                }
            }
            return out.build(name, "docx", null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedInput r) {
                throw r;
            }
            throw Readers.unreadable("Word (.docx)", e);
        }
    }

    private static void table(XWPFTable table, DocumentBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText().strip());
                var tcPr = cell.getCTTc().getTcPr();
                int span = tcPr != null && tcPr.getGridSpan() != null ? tcPr.getGridSpan().getVal().intValue() : 1;
                for (int k = 1; k < Math.min(span, 50); k++) {
                    cells.add("");
                }
            }
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                out.row(cells);
            }
        }
    }
}
