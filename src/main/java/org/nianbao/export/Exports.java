package org.nianbao.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CategoryScore;

/**
 * Assessments as a table for evaluation committees: CSV (one row per report; text that would run as a formula is
 * made inert), or a workbook with a sheet of
 * scores (one row per report) and a sheet of findings (one row per finding, with its evidence and suggestion).
 * A report that could not be assessed is a row with its error.
 */
public final class Exports {

    /** One line of an export: an assessment, or a source with the reason it could not be assessed. */
    public record Item(String source, Assessment assessment, String error) {
        public static Item of(Assessment a) {
            return new Item(a.source(), a, null);
        }

        public static Item failed(String source, String error) {
            return new Item(source, null, error);
        }
    }

    private static final List<String> FINDING_HEADER = List.of("source", "agency", "ruleId", "check", "category", "severity",
            "deduction", "message", "suggestion", "section", "table", "row", "column", "line", "expected", "actual");

    private Exports() {
    }

    public static String csv(List<Item> items, List<String> categories) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(scoreHeader(categories).toArray(String[]::new)).get())) {
            for (Item item : items) {
                csv.printRecord(scoreRow(item, categories).stream().map(Exports::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A text cell a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage return:
     * an agency name or a file name from an upload) is written with a leading apostrophe, so opening the export in
     * Excel or WPS runs nothing. Numbers are written as they are.
     */
    static Object inert(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    public static byte[] xlsx(List<Item> items, List<String> categories) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet scores = book.createSheet("评分");
            write(scores.createRow(0), scoreHeader(categories));
            int r = 1;
            for (Item item : items) {
                write(scores.createRow(r++), scoreRow(item, categories));
            }
            Sheet findings = book.createSheet("问题");
            write(findings.createRow(0), FINDING_HEADER);
            r = 1;
            for (Item item : items) {
                if (item.assessment() == null) {
                    continue;
                }
                for (Finding f : item.assessment().findings()) {
                    var e = f.evidence();
                    write(findings.createRow(r++), List.of(item.source(), nz(item.assessment().report().agency()), f.ruleId(),
                            f.check(), f.category(), f.severity(), f.deduction(), f.message(), nz(f.suggestion()),
                            nz(e.section()), nz(e.table()), nz(e.row()), nz(e.column()), nz(e.line()), nz(e.expected()), nz(e.actual())));
                }
            }
            for (Sheet sheet : List.of(scores, findings)) {
                sheet.createFreezePane(0, 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> scoreHeader(List<String> categories) {
        List<String> header = new ArrayList<>(List.of("source", "agency", "year", "level", "format", "publishedOn",
                "score", "grade"));
        header.addAll(categories);
        header.addAll(List.of("errors", "warnings", "flags", "ruleset", "scorecard", "error"));
        return header;
    }

    private static List<Object> scoreRow(Item item, List<String> categories) {
        List<Object> row = new ArrayList<>();
        Assessment a = item.assessment();
        if (a == null) {
            row.add(item.source());
            while (row.size() < scoreHeader(categories).size() - 1) {
                row.add("");
            }
            row.add(item.error());
            return row;
        }
        row.addAll(List.of(a.source(), nz(a.report().agency()), nz(a.report().year()), nz(a.report().level()),
                nz(a.report().format()), nz(a.report().publishedOn()), a.score(), a.grade()));
        for (String id : categories) {
            CategoryScore c = a.categories().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            row.add(c == null ? "" : c.score() + "/" + c.max());
        }
        row.add(a.findings().stream().filter(f -> "error".equals(f.severity())).count());
        row.add(a.findings().stream().filter(f -> "warning".equals(f.severity())).count());
        row.add(String.join("；", a.flags()));
        row.add(a.ruleset().version());
        row.add(a.ruleset().scorecard());
        row.add("");
        return row;
    }

    private static void write(Row row, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }

    private static Object nz(Object v) {
        return v == null ? "" : v;
    }
}
