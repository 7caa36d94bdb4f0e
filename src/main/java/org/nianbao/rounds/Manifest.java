package org.nianbao.rounds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.reading.TextDecoder;

/**
 * What a submission says of its files: a CSV with 文件名, 单位名称 and 发布日期 (YYYY-MM-DD). A file it names is
 * matched to that agency and assessed with that publication date.
 */
record Manifest(Map<String, Line> byFile) {

    static final Manifest NONE = new Manifest(Map.of());

    /** What the manifest says of one file. */
    record Line(String agency, LocalDate publishedOn) {
    }

    static Manifest read(String name, byte[] bytes) {
        String text = TextDecoder.decode(name, bytes).original();
        String[] lines = text.split("\\R");
        int file = -1;
        int agency = -1;
        int date = -1;
        Map<String, Line> byFile = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            List<String> cells = AgencyList.csvLine(lines[i]);
            if (file < 0) {
                List<String> header = cells.stream().map(c -> c.replace(" ", "")).toList();
                file = header.indexOf("文件名");
                agency = header.indexOf("单位名称");
                date = header.indexOf("发布日期");
                if (file < 0) {
                    throw new RoundService.Refused("清单 " + name + " 缺少表头「文件名」：应为 文件名,单位名称,发布日期 (no 文件名 header)");
                }
                continue;
            }
            String f = cell(cells, file);
            if (f.isEmpty()) {
                continue;
            }
            LocalDate published = null;
            String d = cell(cells, date);
            if (!d.isEmpty()) {
                try {
                    published = LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    throw new RoundService.Refused("清单第 " + (i + 1) + " 行的发布日期「" + d + "」应写成 YYYY-MM-DD (bad date)");
                }
            }
            String a = cell(cells, agency);
            byFile.put(base(f), new Line(a.isEmpty() ? null : a, published));
        }
        return new Manifest(byFile);
    }

    /** What the manifest says of a file (by its name without folders), or null. */
    Line of(String source) {
        return byFile.get(base(source));
    }

    private static String base(String path) {
        String p = path.strip();
        return p.substring(Math.max(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')), p.lastIndexOf('!')) + 1);
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i).strip() : "";
    }
}
