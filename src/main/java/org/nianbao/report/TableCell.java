package org.nianbao.report;

/**
 * A numeric cell of table 2, 3 or 4 under its canonical keys (see report-format.md).
 *
 * @param table  "2", "3" or "4"
 * @param row    e.g. {@code new_received}
 * @param column e.g. {@code natural_person}
 * @param value  the number, {@code null} when the cell is blank; 「/」「—」「无」 read as 0
 * @param raw    the cell as printed ("" when blank)
 * @param line   its line in the source
 */
public record TableCell(String table, String row, String column, Double value, String raw, int line) {

    public boolean isBlank() {
        return value == null;
    }

    /** The cell holds a dash or 「无」 rather than a digit. */
    public boolean isDash() {
        if (value == null || raw.isEmpty()) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) { // a plain loop: every cell is asked, in every rule session
            if (Character.isDigit(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
