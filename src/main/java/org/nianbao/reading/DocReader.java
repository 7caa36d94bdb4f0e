package org.nianbao.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableRow;

/** Reads an old Word document (.doc) with POI's HWPF: paragraphs in order, tables cell by cell. */
final class DocReader {

    private DocReader() {
    }

    static Document read(String name, byte[] bytes, ReadingLimits limits) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            DocumentBuilder out = new DocumentBuilder(limits.maxCharacters());
            Range range = doc.getRange();
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph p = range.getParagraph(i);
                if (p.isInTable()) {
                    Table table = range.getTable(p);
                    for (int r = 0; r < table.numRows(); r++) {
                        TableRow row = table.getRow(r);
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.numCells(); c++) {
                            cells.add(clean(row.getCell(c).text()));
                        }
                        out.row(cells);
                    }
                    i += table.numParagraphs() - 1;
                } else {
                    String text = clean(p.text());
                    if (!text.isBlank()) {
                        out.paragraph(text);
                    }
                }
            }
            return out.build(name, "doc", null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedInput r) {
                throw r;
            }
            throw Readers.unreadable("Word (.doc)", e);
        }
    }

    /** Word's cell and paragraph marks and field codes are not text. */
    private static String clean(String text) {
        return text.replace("\u0007", "").replace("\r", "").replaceAll("[\\u0013\\u0014\\u0015\\u0001\\u0008]", "").strip();
    }
}
