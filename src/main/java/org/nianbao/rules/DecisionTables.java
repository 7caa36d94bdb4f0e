package org.nianbao.rules;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Spreadsheet decision tables ({@code *.drl.xlsx}, {@code *.drl.xls}, {@code *.drl.csv}): compiled to DRL before
 * the build, so that every rule of a row keeps the row's name, and a problem in a row is reported at that row of
 * the sheet rather than at a line of generated code.
 */
final class DecisionTables {

    private static final Pattern ROW = Pattern.compile("^\\s*// rule values at ([A-Z]+)(\\d+)");

    private DecisionTables() {
    }

    static boolean isDecisionTable(String name) {
        return name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls") || name.endsWith(".drl.csv");
    }

    /** The DRL of a decision table, or {@code null} (with a problem) when the sheet cannot be read. */
    static String toDrl(String name, byte[] content, List<RuleProblem> problems) {
        try {
            InputType type = name.endsWith(".csv") ? InputType.CSV : InputType.XLS;
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(new RuleProblem(name, 0, "无法读取决策表（电子表格）：" + detail));
            return null;
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
