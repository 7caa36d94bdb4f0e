package org.nianbao.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Renders a sample as agencies write it in Word: its paragraphs as they are, and the statistical tables of
 * parts 二, 三 and 四 in the official layout — header cells spanning rows and columns, group labels merged
 * vertically, a narrow label column whose labels wrap over several lines. The cell values are those the
 * sample's own text gives. Converted to PDF by LibreOffice (see {@code src/test/resources/pdf/word/rebuild.sh}),
 * these are the Word-exported PDFs a geometric table reader must read as well as the Word document itself.
 */
public final class WordTables {

    private static final Pattern PART_2 = Pattern.compile("^\\s*二[、.．]\\s*主动公开");
    private static final Pattern PART_3 = Pattern.compile("^\\s*三[、.．]\\s*收到和处理");
    private static final Pattern PART_4 = Pattern.compile("^\\s*四[、.．]\\s*政府信息公开行政复议");
    private static final Pattern PART_5 = Pattern.compile("^\\s*五[、.．]");

    private WordTables() {
    }

    /**
     * {@code WordTables SAMPLE.txt OUTPUT.docx [--unruled]}, run from the project folder; {@code --unruled} draws
     * the tables without any border, as some agencies lay them out; {@code -Dcentred=true} centres every cell
     * across and down.
     */
    public static void main(String[] args) throws IOException {
        String name = Path.of(args[0]).getFileName().toString();
        boolean ruled = args.length < 3 || !args[2].equals("--unruled");
        Files.write(Path.of(args[1]), docx(Samples.text(name), Samples.assess(name).facts().cells(), ruled));
    }

    /** One merged-cell description: text, columns spanned, and whether it opens or continues a vertical merge. */
    private record Cell(String text, int span, Merge merge) {
        static Cell of(String text) {
            return new Cell(text, 1, Merge.NONE);
        }

        static Cell span(String text, int span) {
            return new Cell(text, span, Merge.NONE);
        }

        static Cell down(String text, int span) {
            return new Cell(text, span, Merge.START);
        }

        static Cell below(int span) {
            return new Cell("", span, Merge.CONTINUE);
        }
    }

    private enum Merge { NONE, START, CONTINUE }

    public static byte[] docx(String text, List<Assessment.Cell> cells) {
        return docx(text, cells, true);
    }

    /** The sample as a Word document, its tables with borders ({@code ruled}) or without any line. */
    public static byte[] docx(String text, List<Assessment.Cell> cells, boolean ruled) {
        Map<String, Assessment.Cell> byKey = new LinkedHashMap<>();
        cells.forEach(c -> byKey.put(c.table() + "/" + c.row() + "/" + c.column(), c));
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            boolean inTables = false;
            boolean table4Written = false;
            for (String raw : text.split("\\R")) {
                String line = raw.strip();
                if (PART_2.matcher(line).find()) {
                    doc.createParagraph().createRun().setText(line);
                    table2(doc, byKey, ruled);
                    inTables = true;
                } else if (inTables && PART_3.matcher(line).find()) {
                    doc.createParagraph().createRun().setText(line);
                    table3(doc, byKey, ruled);
                } else if (inTables && PART_4.matcher(line).find()) {
                    doc.createParagraph().createRun().setText(line);
                    table4(doc, byKey, ruled);
                    table4Written = true;
                } else if (inTables && PART_5.matcher(line).find()) {
                    if (!table4Written) { // a report without its part 四 heading: the tables must not run together
                        doc.createParagraph().createRun().setText("四、政府信息公开行政复议、行政诉讼情况");
                        table4(doc, byKey, ruled);
                    }
                    inTables = false;
                    doc.createParagraph().createRun().setText(line);
                } else if (!inTables && !line.isEmpty()) {
                    doc.createParagraph().createRun().setText(line.replace("|", " "));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- table 2: 主动公开 --------------------------------------------------------------------------

    private record Item(String heading, List<String[]> rows) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("第二十条第(一)项", List.of(new String[] {"rules", "规章"}, new String[] {"normative_documents", "行政规范性文件"})),
            new Item("第二十条第(五)项", List.of(new String[] {"admin_licensing", "行政许可"}, new String[] {"other_services", "其他对外管理服务事项"})),
            new Item("第二十条第(六)项", List.of(new String[] {"admin_penalty", "行政处罚"}, new String[] {"admin_coercion", "行政强制"})),
            new Item("第二十条第(八)项", List.<String[]>of(new String[] {"admin_fees", "行政事业性收费"})),
            new Item("第二十条第(九)项", List.<String[]>of(new String[] {"gov_procurement", "政府集中采购"})));

    private static final String[][] TABLE2_COLUMNS = {
            {"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"},
            {"made", "本年新制作数量"}, {"published", "本年新公开数量"}, {"total_published", "对外公开总数量"},
            {"last_year_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "本年处理决定数量"},
            {"items", "采购项目数量"}, {"amount", "金额"}};

    private static void table2(XWPFDocument doc, Map<String, Assessment.Cell> cells, boolean ruled) {
        List<List<Cell>> rows = new ArrayList<>();
        int width = 4;
        for (Item item : ITEMS) {
            List<String[]> present = item.rows().stream().filter(r -> hasRow(cells, "2", r[0])).toList();
            if (present.isEmpty()) {
                continue;
            }
            List<String[]> columns = new ArrayList<>();
            for (String[] column : TABLE2_COLUMNS) {
                if (present.stream().anyMatch(r -> cells.containsKey("2/" + r[0] + "/" + column[0]))) {
                    columns.add(column);
                }
            }
            rows.add(List.of(Cell.span(item.heading(), width)));
            List<Cell> header = new ArrayList<>(List.of(Cell.of("信息内容")));
            for (int i = 0; i < columns.size(); i++) {
                String label = columns.get(i)[0].equals("amount")
                        ? (item.heading().contains("(九)") ? "采购总金额" : "本年收费金额（单位：万元）") : columns.get(i)[1];
                header.add(Cell.span(label, i == columns.size() - 1 ? width - 1 - i : 1));
            }
            rows.add(header);
            for (String[] row : present) {
                List<Cell> line = new ArrayList<>(List.of(Cell.of(row[1])));
                for (int i = 0; i < columns.size(); i++) {
                    line.add(Cell.span(value(cells, "2/" + row[0] + "/" + columns.get(i)[0]), i == columns.size() - 1 ? width - 1 - i : 1));
                }
                rows.add(line);
            }
        }
        write(doc, new int[] {2600, 2200, 2200, 2200}, rows, ruled);
    }

    // ---- table 3: 依申请公开 ------------------------------------------------------------------------

    private static final String[] APPLICANTS = {
            "natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
            "legal_service_org", "other_org", "total"};

    /** Group label (null: the row spans the group and label columns), row key, row label. */
    private static final String[][] TABLE3_ROWS = {
            {null, "granted", "(一)予以公开"},
            {null, "partially_granted", "(二)部分公开（区分处理的，只计这一情形，不计其他情形）"},
            {"(三)不予公开", "denied_state_secret", "1.属于国家秘密"},
            {"(三)不予公开", "denied_law_prohibited", "2.其他法律行政法规禁止公开"},
            {"(三)不予公开", "denied_three_safety", "3.危及“三安全一稳定”"},
            {"(三)不予公开", "denied_third_party", "4.保护第三方合法权益"},
            {"(三)不予公开", "denied_internal_affairs", "5.属于三类内部事务信息"},
            {"(三)不予公开", "denied_process_info", "6.属于四类过程性信息"},
            {"(三)不予公开", "denied_enforcement_file", "7.属于行政执法案卷"},
            {"(三)不予公开", "denied_query_matter", "8.属于行政查询事项"},
            {"(四)无法提供", "unavailable_not_held", "1.本机关不掌握相关政府信息"},
            {"(四)无法提供", "unavailable_needs_creation", "2.没有现成信息需要另行制作"},
            {"(四)无法提供", "unavailable_unclear", "3.补正后申请内容仍不明确"},
            {"(五)不予处理", "not_processed_petition", "1.信访举报投诉类申请"},
            {"(五)不予处理", "not_processed_repeated", "2.重复申请"},
            {"(五)不予处理", "not_processed_publication", "3.要求提供公开出版物"},
            {"(五)不予处理", "not_processed_excessive", "4.无正当理由大量反复申请"},
            {"(五)不予处理", "not_processed_reconfirm", "5.要求行政机关确认或重新出具已获取信息"},
            {"(六)其他处理", "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
            {"(六)其他处理", "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
            {"(六)其他处理", "other_misc", "3.其他"},
            {null, "other", "(六)其他处理"},
            {null, "results_total", "(七)总计"}};

    private static void table3(XWPFDocument doc, Map<String, Assessment.Cell> cells, boolean ruled) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.down("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3),
                Cell.span("申请人情况", 7)));
        rows.add(List.of(Cell.below(3), Cell.down("自然人", 1), Cell.span("法人或其他组织", 5), Cell.down("总计", 1)));
        rows.add(List.of(Cell.below(3), Cell.below(1), Cell.of("商业企业"), Cell.of("科研机构"), Cell.of("社会公益组织"),
                Cell.of("法律服务机构"), Cell.of("其他"), Cell.below(1)));
        simpleRow3(rows, cells, "new_received", "一、本年新收政府信息公开申请数量");
        simpleRow3(rows, cells, "carried_over", "二、上年结转政府信息公开申请数量");
        List<String[]> outcomes = new ArrayList<>();
        for (String[] row : TABLE3_ROWS) {
            if (hasRow(cells, "3", row[1])) {
                outcomes.add(row);
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            String[] row = outcomes.get(i);
            List<Cell> line = new ArrayList<>();
            line.add(i == 0 ? Cell.down("三、本年度办理结果", 1) : Cell.below(1));
            if (row[0] == null) {
                line.add(Cell.span(row[2], 2));
            } else {
                boolean first = i == 0 || !row[0].equals(outcomes.get(i - 1)[0]);
                line.add(first ? Cell.down(row[0], 1) : Cell.below(1));
                line.add(Cell.of(row[2]));
            }
            values(line, cells, "3", row[1], APPLICANTS);
            rows.add(line);
        }
        simpleRow3(rows, cells, "carried_forward", "四、结转下年度继续办理");
        int[] widths = new int[10];
        widths[0] = 700;
        widths[1] = 700;
        widths[2] = 1900;
        for (int i = 3; i < 10; i++) {
            widths[i] = 830;
        }
        write(doc, widths, rows, ruled);
    }

    private static void simpleRow3(List<List<Cell>> rows, Map<String, Assessment.Cell> cells, String key, String label) {
        if (hasRow(cells, "3", key)) {
            List<Cell> line = new ArrayList<>(List.of(Cell.span(label, 3)));
            values(line, cells, "3", key, APPLICANTS);
            rows.add(line);
        }
    }

    // ---- table 4: 行政复议、行政诉讼 ------------------------------------------------------------------

    private static final String[] OUTCOMES = {"upheld", "corrected", "other", "pending", "total"};
    private static final String[] OUTCOME_LABELS = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

    private static void table4(XWPFDocument doc, Map<String, Assessment.Cell> cells, boolean ruled) {
        if (!hasRow(cells, "4", "review") && !hasRow(cells, "4", "litigation_direct")
                && !hasRow(cells, "4", "litigation_after_review")) {
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.span("行政复议", 5), Cell.span("行政诉讼", 10)));
        List<Cell> second = new ArrayList<>();
        for (String label : OUTCOME_LABELS) {
            second.add(Cell.down(label, 1));
        }
        second.add(Cell.span("未经复议直接起诉", 5));
        second.add(Cell.span("复议后起诉", 5));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            third.add(Cell.below(1));
        }
        for (int k = 0; k < 2; k++) {
            for (String label : OUTCOME_LABELS) {
                third.add(Cell.of(label));
            }
        }
        rows.add(third);
        List<Cell> data = new ArrayList<>();
        values(data, cells, "4", "review", OUTCOMES);
        values(data, cells, "4", "litigation_direct", OUTCOMES);
        values(data, cells, "4", "litigation_after_review", OUTCOMES);
        rows.add(data);
        int[] widths = new int[15];
        java.util.Arrays.fill(widths, 600);
        write(doc, widths, rows, ruled);
    }

    // ---- writing -----------------------------------------------------------------------------------

    private static boolean hasRow(Map<String, Assessment.Cell> cells, String table, String row) {
        String prefix = table + "/" + row + "/";
        return cells.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static void values(List<Cell> line, Map<String, Assessment.Cell> cells, String table, String row, String[] columns) {
        for (String column : columns) {
            line.add(Cell.of(value(cells, table + "/" + row + "/" + column)));
        }
    }

    private static String value(Map<String, Assessment.Cell> cells, String key) {
        Assessment.Cell cell = cells.get(key);
        if (cell == null || cell.value() == null) {
            return cell == null ? "" : cell.raw() == null ? "" : cell.raw().strip();
        }
        return new BigDecimal(cell.value().toString()).stripTrailingZeros().toPlainString();
    }

    private static void write(XWPFDocument doc, int[] widths, List<List<Cell>> rows, boolean ruled) {
        if (rows.isEmpty()) {
            return;
        }
        XWPFTable table = doc.createTable(rows.size(), 1);
        if (!ruled) {
            XWPFTable.XWPFBorderType none = XWPFTable.XWPFBorderType.NONE;
            table.setTopBorder(none, 0, 0, "auto");
            table.setBottomBorder(none, 0, 0, "auto");
            table.setLeftBorder(none, 0, 0, "auto");
            table.setRightBorder(none, 0, 0, "auto");
            table.setInsideHBorder(none, 0, 0, "auto");
            table.setInsideVBorder(none, 0, 0, "auto");
        }
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            List<Cell> spec = rows.get(r);
            int column = 0;
            for (int c = 0; c < spec.size(); c++) {
                XWPFTableCell cell = c == 0 ? row.getCell(0) : row.addNewTableCell();
                Cell s = spec.get(c);
                if (!s.text().isEmpty()) {
                    cell.setText(s.text());
                }
                if (Boolean.getBoolean("centred")) {
                    cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                    cell.getParagraphs().forEach(p -> p.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER));
                }
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int w = 0;
                for (int k = column; k < Math.min(widths.length, column + s.span()); k++) {
                    w += widths[k];
                }
                pr.addNewTcW().setW(BigInteger.valueOf(w));
                if (s.span() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(s.span()));
                }
                if (s.merge() == Merge.START) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                } else if (s.merge() == Merge.CONTINUE) {
                    pr.addNewVMerge();
                }
                column += s.span();
            }
        }
    }
}
