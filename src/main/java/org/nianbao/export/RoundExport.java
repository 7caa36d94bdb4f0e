package org.nianbao.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.RoundStore;

/**
 * A round's result as a committee hands it on: a workbook with the ranking in Chinese (numbers as numbers, the
 * header frozen and filtered, columns sized, printed landscape with the header on every page), the findings of
 * every agency, and the agencies without a scored report; or the ranking as CSV in UTF-8 with a byte-order mark,
 * so that Excel opens it in Chinese.
 */
public final class RoundExport {

    private static final Map<String, String> STATUS = Map.of("scored", "已评分", "missing", "未提交", "failed", "无法评分",
            "unmatched", "未匹配");
    private static final Map<String, String> LEVEL = Map.of("government", "人民政府", "department", "部门", "township", "乡镇街道");
    private static final Map<String, String> SEVERITY = Map.of("error", "错误", "warning", "警告", "info", "提示");

    private RoundExport() {
    }

    /**
     * A finding reviewers dismissed: as it stood (message, place, check, the points it deducted) and who dismissed it,
     * why and when.
     */
    public record Dismissed(String message, String place, String check, Double deduction, String review) {
    }

    /** The findings reviewers dismissed in each report of a ranking, by assessment id. */
    public static Map<Long, List<Dismissed>> dismissals(List<Ranking.Row> rows, org.nianbao.rounds.Reviews reviews) {
        Map<Long, List<Dismissed>> all = new java.util.HashMap<>();
        for (Ranking.Row r : rows) {
            if (r.assessmentId() == null) {
                continue;
            }
            List<Dismissed> mine = reviews.dismissals(r.assessmentId()).stream()
                    .map(d -> new Dismissed(d.finding().message(), org.nianbao.rules.Labels.place(d.finding().evidence() == null
                            ? org.nianbao.rules.Evidence.NONE : d.finding().evidence()), d.finding().check(),
                            d.finding().deduction(), String.join("；", d.trailText())))
                    .toList();
            if (!mine.isEmpty()) {
                all.put(r.assessmentId(), mine);
            }
        }
        return all;
    }

    /** The category columns, in the order the first scored row gives them: id → Chinese name. */
    private static Map<String, String> categories(List<Ranking.Row> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> r.categories().forEach(c -> names.putIfAbsent(c.id(), c.name())));
        return names;
    }

    private static List<String> header(Map<String, String> categories) {
        List<String> header = new ArrayList<>(List.of("名次", "单位", "层级", "分组", "总分", "等级"));
        header.addAll(categories.values());
        header.addAll(List.of("问题数", "待复核", "状态", "报告文件"));
        return header;
    }

    private static List<Object> row(Ranking.Row r, Map<String, String> categories) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.rank());
        cells.add(r.agency());
        cells.add(r.level() == null ? null : LEVEL.getOrDefault(r.level(), r.level()));
        cells.add(r.group());
        cells.add(r.score());
        cells.add(r.grade());
        for (String id : categories.keySet()) {
            cells.add(r.categories().stream().filter(c -> c.id().equals(id)).map(Ranking.CategoryScore::score).findFirst().orElse(null));
        }
        cells.add(r.findings());
        cells.add(r.openReviews());
        cells.add(STATUS.getOrDefault(r.status(), r.status()));
        cells.add(r.source());
        return cells;
    }

    public static byte[] csv(List<Ranking.Row> rows) {
        Map<String, String> categories = categories(rows);
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(header(categories).toArray(String[]::new)).get())) {
            for (Ranking.Row r : rows) {
                csv.printRecord(row(r, categories).stream().map(Exports::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(RoundStore.Round round, List<Ranking.Row> rows) {
        return xlsx(round, rows, Map.of());
    }

    /**
     * The workbook, the findings reviewers dismissed (by assessment id) listed with the others in the sheet of
     * findings: struck through, with who dismissed them, why and when.
     */
    public static byte[] xlsx(RoundStore.Round round, List<Ranking.Row> rows, Map<Long, List<Dismissed>> dismissed) {
        Map<String, String> categories = categories(rows);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setBorderBottom(BorderStyle.THIN);
            head.setWrapText(true);
            CellStyle score = book.createCellStyle();
            score.setDataFormat(book.createDataFormat().getFormat("0.00"));

            String title = round.name() + "（" + round.year() + "年度）";
            XSSFSheet ranking = book.createSheet("排名");
            List<String> header = header(categories);
            sheet(ranking, title, header, head);
            int r = 2;
            for (Ranking.Row row : rows) {
                write(ranking.createRow(r++), row(row, categories), score);
            }
            finish(ranking, header.size(), r, new int[] {6, 28, 10, 14, 9, 8});

            XSSFSheet findings = book.createSheet("问题清单");
            List<String> findingHeader = List.of("单位", "规则", "检查项", "严重程度", "扣分", "问题", "位置", "整改建议", "复核");
            sheet(findings, title + " 问题清单", findingHeader, head);
            CellStyle struck = book.createCellStyle();
            Font strike = book.createFont();
            strike.setStrikeout(true);
            strike.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            struck.setFont(strike);
            r = 2;
            for (Ranking.Row row : rows) {
                for (Ranking.FindingRow f : row.findingList()) {
                    write(findings.createRow(r++), java.util.Arrays.asList(row.agency(), f.ruleId(), f.check(),
                            SEVERITY.getOrDefault(f.severity(), f.severity()), f.deduction(), f.message(), f.place(),
                            f.suggestion()), score);
                }
                for (Dismissed d : row.assessmentId() == null ? List.<Dismissed>of()
                        : dismissed.getOrDefault(row.assessmentId(), List.of())) {
                    Row x = findings.createRow(r++);
                    write(x, java.util.Arrays.asList(row.agency(), null, d.check(), "已驳回", 0.0, d.message(), d.place(),
                            null, (d.deduction() == null || d.deduction() == 0 ? "" : "原扣 " + show(d.deduction()) + " 分；")
                                    + d.review()), score);
                    x.getCell(5).setCellStyle(struck);
                }
            }
            finish(findings, findingHeader.size(), r, new int[] {28, 30, 8, 10, 8, 60, 24, 50, 50});

            XSSFSheet missing = book.createSheet("未提交或未评分");
            List<String> missingHeader = List.of("单位", "层级", "分组", "状态", "说明");
            sheet(missing, title + " 未提交或未评分的单位", missingHeader, head);
            r = 2;
            for (Ranking.Row row : rows) {
                if (!"scored".equals(row.status())) {
                    write(missing.createRow(r++), java.util.Arrays.asList(row.agency(),
                            row.level() == null ? null : LEVEL.getOrDefault(row.level(), row.level()), row.group(),
                            STATUS.getOrDefault(row.status(), row.status()),
                            row.error() != null ? row.error() : row.source()), score);
                }
            }
            finish(missing, missingHeader.size(), r, new int[] {28, 10, 14, 12, 60});

            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A title row, then the header row. */
    private static void sheet(XSSFSheet sheet, String title, List<String> header, CellStyle head) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        Row h = sheet.createRow(1);
        for (int i = 0; i < header.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(header.get(i));
            c.setCellStyle(head);
        }
    }

    /** Header frozen and filtered, widths set, printed landscape on A4 with the title and header on every page. */
    private static void finish(XSSFSheet sheet, int columns, int end, int[] widths) {
        sheet.createFreezePane(0, 2);
        sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, end - 1), 0, columns - 1));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, 256 * (i < widths.length ? widths[i] : 10));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 1, -1, -1));
    }

    private static void write(Row row, List<Object> cells, CellStyle number) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
                if (v instanceof Double) {
                    c.setCellStyle(number);
                }
            } else {
                c.setCellValue(String.valueOf(Exports.inert(v)));
            }
        }
    }
}
