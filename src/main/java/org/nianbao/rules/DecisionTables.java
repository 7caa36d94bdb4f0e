package org.nianbao.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Spreadsheet decision tables ({@code *.drl.xlsx}, {@code *.drl.xls}, {@code *.drl.csv}): compiled to DRL before
 * the build, so that every rule of a row keeps the row's name, and a problem in a row is reported at that row of
 * the sheet rather than at a line of generated code. A sheet is read once: its DRL is kept by the hash of its bytes,
 * and the build carries the DRL of the bundle's own sheets in the jar ({@code bundle/compiled/table-*.drl}), so that a
 * candidate whose sheet is unchanged (most are) is compiled without opening a spreadsheet; the first one a started
 * service compiled spent a third of its compilation loading the spreadsheet library.
 */
final class DecisionTables {

    private static final Pattern ROW = Pattern.compile("^\\s*// rule values at ([A-Z]+)(\\d+)");
    /** How the build names the DRL of each of the bundle's sheets, before its key ({@link #key}) and {@code .drl}. */
    private static final String TABLE = "table-";
    /** Where the build puts them, beside the compiled rules. */
    private static final String CARRIED = CompiledRules.EMBEDDED + TABLE;
    /** Sheets converted, by key: a few are ever in use, and each DRL is some tens of kilobytes. */
    private static final Map<String, String> CONVERTED = new ConcurrentHashMap<>();
    private static final int KEPT_AT_MOST = 32;
    private static final AtomicInteger SHEETS_READ = new AtomicInteger();

    private DecisionTables() {
    }

    static boolean isDecisionTable(String name) {
        return name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv");
    }

    /**
     * The DRL of a decision table, or {@code null} (with a problem) when the sheet cannot be read: known already when
     * a sheet of the same bytes was converted before, or is one the build carried.
     */
    static String toDrl(String name, byte[] content, List<RuleProblem> problems) {
        String key = key(name, content);
        String known = CONVERTED.get(key);
        if (known == null) {
            known = carried(key);
        }
        if (known != null) {
            return known;
        }
        try {
            InputType type = name.endsWith(".csv") ? InputType.CSV : InputType.XLS;
            SHEETS_READ.incrementAndGet();
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
            if (CONVERTED.size() >= KEPT_AT_MOST) {
                CONVERTED.clear();
            }
            CONVERTED.put(key, drl);
            return drl;
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(new RuleProblem(name, 0, "无法读取决策表（电子表格）：" + detail));
            return null;
        }
    }

    /** Spreadsheets opened and converted since the start (a sheet known by its bytes is not). */
    static int sheetsRead() {
        return SHEETS_READ.get();
    }

    /** What a sheet is known by: the hash of its bytes and how they are read (comma-separated or a workbook). */
    static String key(String name, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))
                    + (name.endsWith(".csv") ? ".csv" : ".xls");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String carried(String key) {
        try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(CARRIED + key + ".drl")) {
            if (in == null) {
                return null;
            }
            String drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CONVERTED.put(key, drl);
            return drl;
        } catch (IOException e) {
            return null; // read from the sheet instead
        }
    }

    /** The build step: the DRL of every decision table in {@code rules}, written to {@code out} by key. */
    static void carry(Path rules, Path out) {
        try (Stream<Path> files = Files.list(rules)) {
            for (Path sheet : files.filter(f -> isDecisionTable(f.getFileName().toString())).toList()) {
                String name = sheet.getFileName().toString();
                byte[] content = Files.readAllBytes(sheet);
                List<RuleProblem> problems = new java.util.ArrayList<>();
                String drl = toDrl(name, content, problems);
                if (drl != null) {
                    Files.writeString(out.resolve(TABLE + key(name, content) + ".drl"), drl, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build problem at {@code line} of the generated DRL, reported at the sheet row the rule came from. */
    static RuleProblem problemAt(String table, String drl, int line, String message) {
        int row = 0;
        String cell = null;
        if (drl != null) {
            String[] lines = drl.split("\\R", -1);
            for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                Matcher m = ROW.matcher(lines[i]);
                if (m.find()) {
                    row = Integer.parseInt(m.group(2));
                    cell = m.group(1) + m.group(2);
                    break;
                }
            }
        }
        return new RuleProblem(table, row, row > 0 ? "第 %d 行（单元格 %s 起）的规则有误：%s".formatted(row, cell, message) : message);
    }
}
