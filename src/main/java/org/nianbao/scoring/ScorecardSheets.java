package org.nianbao.scoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scorecard as a spreadsheet, for policy staff who prefer Excel to YAML: one sheet each for the scorecard itself,
 * categories, checks, grades, deadlines and caps. A deduction per rule is written {@code RULE=2}; deductions by
 * bands of a measure {@code RULE=7:4,30:7,*:10} (up to 7 days: 4 points, up to 30: 7, beyond: 10).
 */
public final class ScorecardSheets {

    static final String CARD = "记分卡";
    static final String CATEGORIES = "类别";
    static final String CHECKS = "检查项";
    static final String GRADES = "等级";
    static final String DEADLINES = "公开期限";
    static final String CAPS = "封顶";
    private static final DataFormatter FORMAT = new DataFormatter();

    private ScorecardSheets() {
    }

    /** The scorecard of a workbook; every problem is reported with its sheet and row. */
    public static Scorecard read(byte[] xlsx) {
        List<String> problems = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, String> card = new LinkedHashMap<>();
            rows(book, CARD, problems, 0).forEach(r -> card.put(r[0], r[1]));
            List<Scorecard.Category> categories = new ArrayList<>();
            rows(book, CATEGORIES, problems, 1).forEach(r -> categories.add(new Scorecard.Category(r[0], r[1])));
            List<Scorecard.Check> checks = new ArrayList<>();
            int n = 1;
            for (String[] r : rows(book, CHECKS, problems, 1)) {
                n++;
                try {
                    checks.add(new Scorecard.Check(r[0], r[1], r[2], Double.parseDouble(r[3]), number(r[4]),
                            deductions(r[5]), r[6].isBlank() ? null : (int) Double.parseDouble(r[6]),
                            r[7].isBlank() ? null : r[7].strip().equals("是") || r[7].strip().equalsIgnoreCase("true"),
                            list(r[8])));
                } catch (RuntimeException e) {
                    problems.add("工作表「%s」第 %d 行：%s".formatted(CHECKS, n, "数字或扣分写法有误（" + e.getMessage() + "）"));
                }
            }
            List<Scorecard.Grade> grades = new ArrayList<>();
            n = 1;
            for (String[] r : rows(book, GRADES, problems, 1)) {
                n++;
                try {
                    grades.add(new Scorecard.Grade(r[0], Double.parseDouble(r[1])));
                } catch (NumberFormatException e) {
                    problems.add("工作表「%s」第 %d 行：最低分应为数字".formatted(GRADES, n));
                }
            }
            Map<String, String> deadlines = new LinkedHashMap<>();
            rows(book, DEADLINES, problems, 1).forEach(r -> deadlines.put(r[0], r[1]));
            List<Scorecard.Cap> caps = new ArrayList<>();
            if (book.getSheet(CAPS) != null) {
                for (String[] r : rows(book, CAPS, problems, 1)) {
                    try {
                        Double units = number(r[5]);
                        Double percent = number(r[6]);
                        caps.add(new Scorecard.Cap(r[0], List.of(r[1].split("\\s*[,，]\\s*")), number(r[2]), r[3], r[4],
                                units == null && percent == null ? null : new Scorecard.Tolerance(units, percent)));
                    } catch (NumberFormatException e) {
                        problems.add("工作表「%s」：封顶 %s 的度量或容差应为数字".formatted(CAPS, r[0]));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidScorecard("电子表格", problems);
            }
            String fromYear = card.get("scope.fromYear");
            String formats = card.get("scope.formats");
            Scorecard.Scope scope = (fromYear == null || fromYear.isBlank()) && (formats == null || formats.isBlank()) ? null
                    : new Scorecard.Scope(fromYear == null || fromYear.isBlank() ? null : (int) Double.parseDouble(fromYear),
                            list(formats));
            return new Scorecard(card.get("id"), card.get("name"), card.get("version"), categories, checks, grades,
                    deadlines, caps,
                    card.get("omittedByReport") == null || card.get("omittedByReport").isBlank() ? null
                            : card.get("omittedByReport"), scope);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidScorecard invalid) {
                throw invalid;
            }
            throw new InvalidScorecard("电子表格", List.of("无法读取电子表格：" + e.getMessage()));
        }
    }

    /** The scorecard as a workbook. */
    public static byte[] write(Scorecard card) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(book, CARD, null, List.of(List.of("id", card.id()), List.of("name", card.name()),
                    List.of("version", card.version().replaceAll("\\+[0-9a-f]{8}$", "")),
                    List.of("omittedByReport", card.omittedByReport()),
                    List.of("scope.fromYear", card.scope() == null || card.scope().fromYear() == null ? ""
                            : card.scope().fromYear().toString()),
                    List.of("scope.formats", card.scope() == null ? "" : String.join(",", card.scope().formats()))));
            sheet(book, CATEGORIES, List.of("编号", "名称"), card.categories().stream().map(c -> List.of(c.id(), c.name())).toList());
            sheet(book, CHECKS, List.of("编号", "名称", "类别", "满分", "每个问题扣分", "按规则扣分（规则=分；按档：规则=上限:扣分,…,*:扣分）",
                    "适用年度起", "需要上年报告", "需要报告写明（year, level）"), card.checks().stream().map(c -> List.of(c.id(),
                    c.name(), c.category(), show(c.points()), c.perFinding() == null ? "" : show(c.perFinding()),
                    deductions(c.deductions()), c.appliesFromYear() == null ? "" : c.appliesFromYear().toString(),
                    Boolean.TRUE.equals(c.needsPreviousYear()) ? "是" : "", String.join(",", c.needs()))).toList());
            sheet(book, GRADES, List.of("等级", "最低分"), card.grades().stream().map(g -> List.of(g.grade(), show(g.min()))).toList());
            sheet(book, DEADLINES, List.of("层级", "次年月-日"), card.deadlines().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(e -> List.of(e.getKey(), e.getValue())).toList());
            sheet(book, CAPS, List.of("编号", "规则", "度量至少", "最高等级", "提示", "容差：差额大于", "容差：较大数的%"),
                    card.caps().stream().map(c -> List.of(c.id(), String.join(",", c.rules()),
                            c.minMeasure() == null ? "" : show(c.minMeasure()), c.maxGrade(), c.flag(),
                            c.tolerance() == null || c.tolerance().units() == null ? "" : show(c.tolerance().units()),
                            c.tolerance() == null || c.tolerance().percent() == null ? "" : show(c.tolerance().percent())))
                            .toList());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The YAML text of a scorecard spreadsheet, as a scorecard file in scorecards/ holds it. */
    public static String toYaml(byte[] xlsx) {
        return YAMLMapper.builder().build().writeValueAsString(read(xlsx));
    }

    private static List<String[]> rows(Workbook book, String name, List<String> problems, int headerRows) {
        Sheet sheet = book.getSheet(name);
        List<String[]> rows = new ArrayList<>();
        if (sheet == null) {
            problems.add("缺少工作表「" + name + "」");
            return rows;
        }
        for (Row row : sheet) {
            if (row.getRowNum() < headerRows) {
                continue;
            }
            String[] cells = new String[9];
            boolean any = false;
            for (int i = 0; i < cells.length; i++) {
                Cell cell = row.getCell(i);
                cells[i] = cell == null || cell.getCellType() == CellType.BLANK ? "" : FORMAT.formatCellValue(cell).strip();
                any |= !cells[i].isEmpty();
            }
            if (any) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static void sheet(Workbook book, String name, List<String> header, List<List<String>> rows) {
        Sheet sheet = book.createSheet(name);
        int r = 0;
        if (header != null) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < header.size(); i++) {
                row.createCell(i).setCellValue(header.get(i));
            }
        }
        for (List<String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
        for (int i = 0; i < 9; i++) {
            sheet.setColumnWidth(i, (i == 1 || i == 5 ? 40 : 14) * 256);
        }
    }

    /** 「year, level」 as a list; blank: none. */
    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s*[,，、]\\s*"));
    }

    private static Double number(String text) {
        return text == null || text.isBlank() ? null : Double.parseDouble(text);
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** 「COMP-DASH-CELL=0; TIME-PUBLISHED-LATE=0:0,7:4,30:7,*:10」 */
    static Map<String, Scorecard.Deduction> deductions(String text) {
        Map<String, Scorecard.Deduction> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String entry : text.split("\\s*[;；]\\s*")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("\\s*=\\s*", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("「" + entry + "」应写成 规则=分");
            }
            if (kv[1].contains(":")) {
                List<Scorecard.Band> bands = new ArrayList<>();
                for (String band : kv[1].split("\\s*[,，]\\s*")) {
                    String[] b = band.split(":", 2);
                    bands.add(new Scorecard.Band(b[0].equals("*") ? null : Double.parseDouble(b[0]), Double.parseDouble(b[1])));
                }
                result.put(kv[0].strip(), new Scorecard.Deduction(null, bands));
            } else {
                result.put(kv[0].strip(), new Scorecard.Deduction(Double.parseDouble(kv[1]), null));
            }
        }
        return result;
    }

    static String deductions(Map<String, Scorecard.Deduction> deductions) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(deductions).forEach((rule, d) -> {
            if (d.bands().isEmpty()) {
                parts.add(rule + "=" + show(d.points()));
            } else {
                parts.add(rule + "=" + String.join(",", d.bands().stream()
                        .map(b -> (b.upTo() == null ? "*" : show(b.upTo())) + ":" + show(b.deduct())).toList()));
            }
        });
        return String.join("; ", parts);
    }
}
