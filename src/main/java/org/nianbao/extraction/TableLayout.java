package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.report.ExpectedColumn;
import org.nianbao.report.ExpectedRow;

/**
 * The canonical keys of tables 2, 3 and 4 (report-format.md), in the order a label is tried against them, with the
 * label the format prints. Which printed labels name each key is the label catalogue's ({@link LabelCatalog}).
 */
public final class TableLayout {

    private TableLayout() {
    }

    /**
     * A canonical key, the label the format prints (for messages) and its group. How reports print it — the words
     * that name it — is the label catalogue's ({@code rules/labels.yaml}, {@link LabelCatalog}).
     */
    public record Key(String key, String label, String group) {
        static Key of(String key, String label, String group) {
            return new Key(key, label, group);
        }
    }

    // ---- table 3 ----------------------------------------------------------------------------------

    public static final List<Key> TABLE3_COLUMNS = List.of(
            Key.of("natural_person", "自然人", "applicant"),
            Key.of("commercial_enterprise", "商业企业", "applicant"),
            Key.of("research_institution", "科研机构", "applicant"),
            Key.of("social_welfare_org", "社会公益组织", "applicant"),
            Key.of("legal_service_org", "法律服务机构", "applicant"),
            Key.of("other_org", "其他", "applicant"),
            Key.of("total", "总计", "total"));

    /** Rows of table 3, most specific pattern first; {@code other_misc} and {@code other} are decided by context. */
    static final List<Key> TABLE3_ROWS = List.of(
            Key.of("new_received", "一、本年新收政府信息公开申请数量", "applications"),
            Key.of("carried_over", "二、上年结转政府信息公开申请数量", "applications"),
            Key.of("granted", "(一)予以公开", "outcome"),
            Key.of("partially_granted", "(二)部分公开", "outcome"),
            Key.of("denied_state_secret", "(三)1.属于国家秘密", "outcome"),
            Key.of("denied_law_prohibited", "(三)2.其他法律行政法规禁止公开", "outcome"),
            Key.of("denied_three_safety", "(三)3.危及“三安全一稳定”", "outcome"),
            Key.of("denied_third_party", "(三)4.保护第三方合法权益", "outcome"),
            Key.of("denied_internal_affairs", "(三)5.属于三类内部事务信息", "outcome"),
            Key.of("denied_process_info", "(三)6.属于四类过程性信息", "outcome"),
            Key.of("denied_enforcement_file", "(三)7.属于行政执法案卷", "outcome"),
            Key.of("denied_query_matter", "(三)8.属于行政查询事项", "outcome"),
            Key.of("unavailable_not_held", "(四)1.本机关不掌握相关政府信息", "outcome"),
            Key.of("unavailable_needs_creation", "(四)2.没有现成信息需要另行制作", "outcome"),
            Key.of("unavailable_unclear", "(四)3.补正后申请内容仍不明确", "outcome"),
            Key.of("not_processed_petition", "(五)1.信访举报投诉类申请", "outcome"),
            Key.of("not_processed_repeated", "(五)2.重复申请", "outcome"),
            Key.of("not_processed_publication", "(五)3.要求提供公开出版物", "outcome"),
            Key.of("not_processed_excessive", "(五)4.无正当理由大量反复申请", "outcome"),
            Key.of("not_processed_reconfirm", "(五)5.要求行政机关确认或重新出具已获取信息", "outcome"),
            Key.of("other_no_correction", "(六)1.申请人无正当理由逾期不补正", "outcome"),
            Key.of("other_unpaid_fee", "(六)2.申请人逾期未按收费通知要求缴纳费用", "outcome"),
            Key.of("other_misc", "(六)3.其他", "outcome"),
            Key.of("results_total", "(七)总计", "results_total"),
            Key.of("carried_forward", "四、结转下年度继续办理", "carried_forward"));

    /** The one-row 三(六)其他处理 of the 2019 format (also printed so in some 2021 reports). */
    static final Key TABLE3_OTHER = Key.of("other", "(六)其他处理", "outcome");

    static final List<String> TABLE3_ROWS_2021_ONLY = List.of("other_no_correction", "other_unpaid_fee", "other_misc");

    // ---- table 4 ----------------------------------------------------------------------------------

    public static final List<Key> TABLE4_ROWS = List.of(
            Key.of("review", "行政复议", "review"),
            Key.of("litigation_direct", "行政诉讼·未经复议直接起诉", "litigation"),
            Key.of("litigation_after_review", "行政诉讼·复议后起诉", "litigation"));

    public static final List<Key> TABLE4_COLUMNS = List.of(
            Key.of("upheld", "结果维持", "part"),
            Key.of("corrected", "结果纠正", "part"),
            Key.of("other", "其他结果", "part"),
            Key.of("pending", "尚未审结", "part"),
            Key.of("total", "总计", "total"));

    // ---- table 2 ----------------------------------------------------------------------------------

    static final List<Key> TABLE2_ROWS = List.of(
            Key.of("normative_documents", "行政规范性文件", "item_1"),
            Key.of("rules", "规章", "item_1"),
            Key.of("admin_licensing", "行政许可", "item_5"),
            Key.of("other_services", "其他对外管理服务事项", "item_5"),
            Key.of("admin_penalty", "行政处罚", "item_6"),
            Key.of("admin_coercion", "行政强制", "item_6"),
            Key.of("admin_fees", "行政事业性收费", "item_8"),
            Key.of("gov_procurement", "政府集中采购", "item_9"));

    static final List<Key> TABLE2_COLUMNS = List.of(
            Key.of("issued", "本年制发件数", "2021"),
            Key.of("repealed", "本年废止件数", "2021"),
            Key.of("in_force", "现行有效件数", "2021"),
            Key.of("made", "本年新制作数量", "2019"),
            Key.of("published", "本年新公开数量", "2019"),
            Key.of("total_published", "对外公开总数量", "2019"),
            Key.of("last_year_items", "上一年项目数量", "2019"),
            Key.of("change", "本年增/减", "2019"),
            Key.of("decisions", "本年处理决定数量", "both"),
            Key.of("items", "采购项目数量", "2019"),
            Key.of("amount", "本年收费金额(万元) / 采购总金额", "both"));

    private static final List<String> TABLE2_ROWS_2021 = List.of(
            "rules", "normative_documents", "admin_licensing", "admin_penalty", "admin_coercion", "admin_fees");
    private static final List<String> TABLE2_ROWS_2019 = List.of(
            "rules", "normative_documents", "admin_licensing", "other_services", "admin_penalty", "admin_coercion",
            "admin_fees", "gov_procurement");

    /** Columns whose values may be negative (本年增/减). */
    public static boolean maySigned(String column) {
        return "change".equals(column);
    }

    /** Columns that hold money (万元) rather than counts. */
    public static boolean isMoney(String table, String column) {
        return "2".equals(table) && "amount".equals(column);
    }

    /**
     * The rows this report must have: table 2 by the format its year requires, table 3 in the 2021 layout
     * unless the table prints 三(六)其他处理 as one row, table 4 always.
     */
    public static List<ExpectedRow> expectedRows(boolean format2021, boolean table3OtherAsOneRow) {
        List<ExpectedRow> rows = new ArrayList<>();
        for (String row : format2021 ? TABLE2_ROWS_2021 : TABLE2_ROWS_2019) {
            Key key = TABLE2_ROWS.stream().filter(k -> k.key().equals(row)).findFirst().orElseThrow();
            rows.add(new ExpectedRow("2", key.key(), key.label(), key.group()));
        }
        boolean oneRowOther = !format2021 || table3OtherAsOneRow;
        for (Key key : TABLE3_ROWS) {
            if (oneRowOther && TABLE3_ROWS_2021_ONLY.contains(key.key())) {
                continue;
            }
            rows.add(new ExpectedRow("3", key.key(), key.label(), key.group()));
            if (oneRowOther && key.key().equals("not_processed_reconfirm")) {
                rows.add(new ExpectedRow("3", TABLE3_OTHER.key(), TABLE3_OTHER.label(), TABLE3_OTHER.group()));
            }
        }
        for (Key key : TABLE4_ROWS) {
            rows.add(new ExpectedRow("4", key.key(), key.label(), key.group()));
        }
        return rows;
    }

    public static List<ExpectedColumn> expectedColumns() {
        List<ExpectedColumn> columns = new ArrayList<>();
        TABLE3_COLUMNS.forEach(k -> columns.add(new ExpectedColumn("3", k.key(), k.label())));
        TABLE4_COLUMNS.forEach(k -> columns.add(new ExpectedColumn("4", k.key(), k.label())));
        return columns;
    }

    /** The printed label of a row key, for messages. */
    public static String rowLabel(String table, String row) {
        if ("3".equals(table) && TABLE3_OTHER.key().equals(row)) {
            return TABLE3_OTHER.label();
        }
        return rowsOf(table).stream().filter(k -> k.key().equals(row)).map(Key::label).findFirst().orElse(row);
    }

    /** The printed label of a column key, for messages. */
    public static String columnLabel(String table, String column) {
        return columnsOf(table).stream().filter(k -> k.key().equals(column)).map(Key::label).findFirst().orElse(column);
    }

    /** The position of a row in its table as the format prints it (for ordering findings); -1 if unknown. */
    public static int rowIndex(String table, String row) {
        if ("3".equals(table) && TABLE3_OTHER.key().equals(row)) {
            row = "other_no_correction"; // the one-row 三(六) stands where its three sub-rows would
        }
        return indexOf(rowsOf(table), row);
    }

    /** The position of a column in its table; -1 if unknown. */
    public static int columnIndex(String table, String column) {
        return indexOf(columnsOf(table), column);
    }

    /** The tables a report has statistics in: 二, 三 and 四. */
    public static final List<String> TABLES = List.of("2", "3", "4");

    /** Every row key of a table, in any format year (table 三's one-row 其他处理 included). */
    public static List<String> rowKeys(String table) {
        List<String> keys = new java.util.ArrayList<>(rowsOf(table).stream().map(Key::key).toList());
        if ("3".equals(table)) {
            keys.add(TABLE3_OTHER.key());
        }
        return List.copyOf(keys);
    }

    /** Every column key of a table, in any format year. */
    public static List<String> columnKeys(String table) {
        return columnsOf(table).stream().map(Key::key).toList();
    }

    static List<Key> rowsOf(String table) {
        return switch (table == null ? "" : table) {
            case "2" -> TABLE2_ROWS;
            case "3" -> TABLE3_ROWS;
            case "4" -> TABLE4_ROWS;
            default -> List.of();
        };
    }

    static List<Key> columnsOf(String table) {
        return switch (table == null ? "" : table) {
            case "2" -> TABLE2_COLUMNS;
            case "3" -> TABLE3_COLUMNS;
            case "4" -> TABLE4_COLUMNS;
            default -> List.of();
        };
    }

    private static int indexOf(List<Key> keys, String key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

}
