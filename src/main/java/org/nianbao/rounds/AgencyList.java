package org.nianbao.rounds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nianbao.reading.TextDecoder;

/**
 * The list of agencies a round expects, as a committee keeps it: a CSV (UTF-8 or GBK) or an .xlsx with the columns
 * 单位名称, 层级 (人民政府/部门/乡镇街道), 分组, 别名 (other names, separated by 「;」) and 报告地址 (the address of
 * the agency's report on its site, for the service to collect it). The header row names the columns, in any order;
 * 单位名称 is required, the others may be left out.
 *
 * <p>{@link #preview} reads every line it can and names each line it cannot (a committee sees what will be imported
 * before it is); {@link #read} refuses the list at its first bad line.
 */
public final class AgencyList {

    /**
     * One expected agency: its full name, level ({@code government}, {@code department}, {@code township} or null),
     * group, aliases and the address of its report (null: none given).
     */
    public record Entry(String name, String level, String group, List<String> aliases, String url)
            implements java.io.Serializable {
        public Entry(String name, String level, String group, List<String> aliases) {
            this(name, level, group, aliases, null);
        }
    }

    /** A line of the list that cannot be used: its number in the file (0: the whole file) and what is wrong. */
    public record Problem(int line, String message) implements java.io.Serializable {
    }

    /** What a list would import, and each line it would leave out with why. */
    public record Preview(List<Entry> entries, List<Problem> problems) {
    }

    /** The names the column of report addresses goes by. */
    private static final List<String> URL_HEADERS = List.of("报告地址", "年报地址", "报告网址", "网址", "链接", "URL", "url");

    /** A list that cannot be used, with what to fix. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    private static final int MAX_ROWS = 5000;

    private AgencyList() {
    }

    /** Reads the list from an uploaded file: an .xlsx workbook (its first sheet) or CSV text; refused at its first bad line. */
    public static List<Entry> read(String name, byte[] bytes) {
        Preview preview = preview(name, bytes);
        if (!preview.problems().isEmpty()) {
            throw new Invalid(preview.problems().get(0).message());
        }
        return preview.entries();
    }

    /** Reads every line of the list it can, and names each line it cannot. */
    public static Preview preview(String name, byte[] bytes) {
        List<List<String>> rows;
        try {
            rows = isXlsx(bytes) ? xlsx(bytes) : csv(name, bytes);
        } catch (Invalid e) {
            return new Preview(List.of(), List.of(new Problem(0, e.getMessage())));
        }
        return entries(rows);
    }

    private static boolean isXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static List<List<String>> xlsx(byte[] bytes) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)).strip());
                }
                rows.add(cells);
                if (rows.size() > MAX_ROWS) {
                    throw new Invalid("单位名单超过 " + MAX_ROWS + " 行 (too many rows)");
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Invalid invalid) {
                throw invalid;
            }
            throw new Invalid("无法读取 Excel 单位名单：" + e.getMessage() + " (unreadable workbook)");
        }
    }

    private static List<List<String>> csv(String name, byte[] bytes) {
        String text = TextDecoder.decode(name == null ? "agencies.csv" : name, bytes).original();
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(csvLine(line));
            }
            if (rows.size() > MAX_ROWS) {
                throw new Invalid("单位名单超过 " + MAX_ROWS + " 行 (too many rows)");
            }
        }
        return rows;
    }

    /** One CSV line: cells separated by commas (or Chinese commas, or tabs), double quotes around a cell allowed. */
    static List<String> csvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',' || c == '，' || c == '\t') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static Preview entries(List<List<String>> rows) {
        int header = -1;
        for (int i = 0; i < Math.min(rows.size(), 10) && header < 0; i++) {
            if (rows.get(i).stream().anyMatch(c -> c.replace(" ", "").equals("单位名称"))) {
                header = i;
            }
        }
        if (header < 0) {
            return new Preview(List.of(), List.of(new Problem(1,
                    "单位名单缺少表头「单位名称」：第一行应为 单位名称,层级,分组,别名,报告地址 (no 单位名称 header)")));
        }
        List<String> names = rows.get(header).stream().map(c -> c.replace(" ", "")).toList();
        int nameColumn = names.indexOf("单位名称");
        int levelColumn = names.indexOf("层级");
        int groupColumn = names.indexOf("分组");
        int aliasColumn = names.indexOf("别名");
        int urlColumn = URL_HEADERS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = header + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = i + 1;
            String name = cell(row, nameColumn);
            if (name.isEmpty()) {
                if (row.stream().anyMatch(c -> !c.isBlank())) {
                    problems.add(new Problem(line, "第 " + line + " 行没有单位名称 (no name)"));
                }
                continue;
            }
            if (name.length() > 200) {
                problems.add(new Problem(line, "第 " + line + " 行的单位名称超过 200 字 (name too long)"));
                continue;
            }
            if (!seen.add(name)) {
                problems.add(new Problem(line, "第 " + line + " 行的单位「" + name + "」在名单中重复出现 (duplicate agency)"));
                continue;
            }
            String levelText = cell(row, levelColumn);
            String level = level(levelText);
            if (!levelText.isEmpty() && level == null) {
                problems.add(new Problem(line, "第 " + line + " 行的层级「" + levelText
                        + "」无法识别：应为 人民政府、部门 或 乡镇街道 (unknown level)"));
                continue;
            }
            String url = cell(row, urlColumn);
            if (!url.isEmpty() && !isWebAddress(url)) {
                problems.add(new Problem(line, "第 " + line + " 行的报告地址「" + url
                        + "」不是网址：应以 http:// 或 https:// 开头 (not a web address)"));
                continue;
            }
            List<String> aliases = Arrays.stream(cell(row, aliasColumn).split("[;；、]"))
                    .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
            String group = cell(row, groupColumn);
            entries.add(new Entry(name, level, group.isEmpty() ? null : group, aliases, url.isEmpty() ? null : url));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "单位名单中没有任何单位 (no agencies)"));
        }
        return new Preview(entries, problems);
    }

    /** An absolute http or https address with a host, at most 2000 characters. */
    static boolean isWebAddress(String text) {
        if (text.length() > 2000) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column).strip() : "";
    }

    /** The level as the list writes it: 人民政府, 部门 (or 行政机关), 乡镇街道 (乡镇, 街道). */
    static String level(String text) {
        String t = text.replace(" ", "");
        if (t.isEmpty()) {
            return null;
        }
        if (t.contains("人民政府") || t.equals("政府") || t.equals("government")) {
            return "government";
        }
        if (t.contains("乡镇") || t.contains("街道") || t.equals("township")) {
            return "township";
        }
        if (t.contains("部门") || t.contains("机关") || t.equals("department")) {
            return "department";
        }
        return null;
    }
}
