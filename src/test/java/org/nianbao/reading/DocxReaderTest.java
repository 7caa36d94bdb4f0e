package org.nianbao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

class DocxReaderTest {

    private static Document read(XWPFDocument doc) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return Readers.read("t.docx", out.toByteArray());
        }
    }

    @Test
    void readsTrackedChangesAsAcceptedAndLeavesOutHeadersAndFooters() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页眉 第1页");
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页脚 2024");
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("共收到申请");
            var deleted = p.getCTP().addNewDel();
            deleted.setId(BigInteger.ONE);
            deleted.setAuthor("审核人");
            deleted.addNewR().addNewDelText().setStringValue("999");
            var inserted = p.getCTP().addNewIns();
            inserted.setId(BigInteger.TWO);
            inserted.setAuthor("审核人");
            inserted.addNewR().addNewT().setStringValue("12");
            p.createRun().setText("件。");

            Document read = read(doc);

            assertThat(read.text().lines()).extracting(SourceLine::text).containsExactly("共收到申请12件。");
        }
    }

    @Test
    void spreadsAHorizontallyMergedCellOverTheColumnsItSpans() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable(2, 3);
            table.getRow(0).getCell(0).setText("第二十条第(五)项");
            table.getRow(0).removeCell(2);
            table.getRow(0).removeCell(1);
            CTTcPr pr = table.getRow(0).getCell(0).getCTTc().addNewTcPr();
            pr.addNewGridSpan().setVal(BigInteger.valueOf(3));
            table.getRow(1).getCell(0).setText("行政许可");
            table.getRow(1).getCell(1).setText("371");
            table.getRow(1).getCell(2).setText("");

            Document read = read(doc);

            assertThat(read.text().lines()).extracting(SourceLine::text)
                    .containsExactly("| 第二十条第(五)项 |  |  |", "| 行政许可 | 371 |  |");
        }
    }
}
