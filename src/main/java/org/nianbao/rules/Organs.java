package org.nianbao.rules;

import java.util.regex.Pattern;

/**
 * Who may make 规章 (《立法法》第九十一条、第九十三条): 国务院各部、委员会、中国人民银行、审计署和具有行政管理职能的直属机构
 * (部门规章), and the people's governments of 省、自治区、直辖市 and of 设区的市、自治州 (地方政府规章). Read from the
 * organ's name: only what the name makes certain counts, so a rule never blames an organ on a guess.
 */
public final class Organs {

    /** A place before the organ: 「贵州省」「衢州市」「余杭区」「某某县」「某某旗」. */
    private static final Pattern PLACE = Pattern.compile(".+?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗)");
    /** 国务院部门: 「教育部」「审计署」「海关总署」「国家税务总局」「中国人民银行」「国家发展和改革委员会」. */
    private static final Pattern STATE_COUNCIL_DEPARTMENT = Pattern.compile(
            "^(?:中华人民共和国|国务院|国家|中国人民银行|审计署|海关总署)|^[\\u4e00-\\u9fa5]{2,10}(?:部|署|总局)$");
    private static final Pattern PROVINCIAL_GOVERNMENT = Pattern.compile(
            "^(?:[\\u4e00-\\u9fa5]{2,12}(?:省|自治区|自治州)|北京市|天津市|上海市|重庆市)人民政府$");
    /** A people's government that certainly has no such power: 县、自治县、旗、市辖区、乡镇. */
    private static final Pattern LOCAL_GOVERNMENT = Pattern.compile("(?:县|旗|区|乡|镇|街道)(?:人民政府)?$");

    private Organs() {
    }

    /** Whether the organ's name shows it cannot make 规章; {@code false} when the name leaves it open. */
    public static boolean cannotMakeRules(String agency, String level) {
        if (agency == null || agency.isBlank()) {
            return false;
        }
        String name = agency.strip();
        if (name.endsWith("人民政府") || "government".equals(level) || "township".equals(level)) {
            if (PROVINCIAL_GOVERNMENT.matcher(name).matches()) {
                return false;
            }
            // 「某某市人民政府」 may be a 设区的市 (which may) or a 县级市 (which may not): left open
            return LOCAL_GOVERNMENT.matcher(name).find() && !name.endsWith("市人民政府");
        }
        if (STATE_COUNCIL_DEPARTMENT.matcher(name).find() && !startsWithPlace(name)) {
            return false;
        }
        // an organ of a province, city or county (「衢州市应急管理局」「浙江省教育厅」) makes 规范性文件, not 规章
        return startsWithPlace(name);
    }

    private static boolean startsWithPlace(String name) {
        if (name.startsWith("国家") || name.startsWith("国务院") || name.startsWith("中华人民共和国")) {
            return false;
        }
        var m = PLACE.matcher(name);
        return m.lookingAt() && m.end() < name.length();
    }
}
