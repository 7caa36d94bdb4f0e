package org.nianbao.extraction;

import org.nianbao.report.Report;

/** The level of a report's organ, which decides its deadline. */
public final class Levels {

    private static final java.util.regex.Pattern TOWNSHIP = java.util.regex.Pattern.compile("(乡|镇|街道|街道办事处)(人民政府)?$");
    private static final java.util.regex.Pattern PLACE_GOVERNMENT = java.util.regex.Pattern.compile("(省|市|区|县|州|旗)政府$");
    /** An area run by a management committee publishes its area's composite report, as a people's government does. */
    private static final java.util.regex.Pattern AREA_COMMITTEE = java.util.regex.Pattern.compile(
            "(实验区|新区|开发区|高新区|示范区|园区|合作区|保税区)(管委会|管理委员会)$");

    private Levels() {
    }

    /**
     * A township's (乡、镇、街道), a people's government's composite report (…人民政府), or an organ's own report
     * (a 局, 委, 办, including a 人民政府办公室); {@code null} when the agency is not known, so that no deadline is
     * applied on a guess.
     */
    public static String of(String agency) {
        if (agency == null) {
            return null;
        }
        if (TOWNSHIP.matcher(agency).find() || agency.endsWith("街道办事处")) {
            return Report.TOWNSHIP;
        }
        if (agency.endsWith("人民政府") || PLACE_GOVERNMENT.matcher(agency).find() || AREA_COMMITTEE.matcher(agency).find()) {
            return Report.GOVERNMENT;
        }
        return Report.DEPARTMENT;
    }

    public static boolean isValid(String level) {
        return Report.GOVERNMENT.equals(level) || Report.DEPARTMENT.equals(level) || Report.TOWNSHIP.equals(level);
    }
}
