package org.nianbao.extraction;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.report.Deadline;
import org.nianbao.report.Organ;
import org.nianbao.report.Report;

/**
 * The kinds of organ that publish annual reports, kept with the rules ({@code rules/organs.yaml}) so that policy
 * staff decide them, not code: how each kind is recognised from its name, its publication deadline and the article
 * it rests on, and the duties that bind it (which rules apply to it). Every report is given one kind; rules join
 * on the {@link Organ} fact it becomes.
 *
 * @param duties                 what a kind of organ must do or may not do, with the article
 * @param kinds                  the kinds in the order their endings are tried
 * @param unknown                how an organ whose name could not be read is treated
 * @param givenLevels            the kind taken when a submitter gives only the level
 * @param areasWithoutGovernment endings of place names whose areas are run by a management committee: a title
 *                               naming such a place names no 人民政府
 */
public record OrganCatalog(List<Duty> duties, List<Kind> kinds, Kind unknown, Map<String, String> givenLevels,
                           List<String> areasWithoutGovernment) {

    /** The kind id of an organ that could not be recognised. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern BRACKETED = Pattern.compile("[(（][^()（）]*[)）]");

    public OrganCatalog {
        duties = List.copyOf(duties);
        kinds = List.copyOf(kinds);
        givenLevels = Map.copyOf(givenLevels);
        areasWithoutGovernment = List.copyOf(areasWithoutGovernment);
    }

    /** A duty or a limit that binds some kinds of organ, and the article it rests on. */
    public record Duty(String id, String name, String basis, List<String> rules) {

        public Duty {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * A kind of organ.
     *
     * @param names    full names known to be of this kind (「教育部」)
     * @param endings  how the names of this kind end (「街道办事处」)
     * @param patterns regular expressions a whole name of this kind matches
     * @param level    {@code government}, {@code department} or {@code township}
     * @param deadline the month and day of the year after the reported one by which the report is published
     */
    public record Kind(String kind, String name, String level, List<String> names, List<String> endings,
                       List<Pattern> patterns, MonthDay deadline, String deadlineBasis, Set<String> duties, String note) {

        public Kind {
            names = names == null ? List.of() : names.stream().map(OrganCatalog::normalise).toList();
            endings = endings == null ? List.of() : endings.stream().map(OrganCatalog::normalise).toList();
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            duties = duties == null ? Set.of() : Set.copyOf(duties);
        }

        boolean endsAnyOf(String name) {
            return endings.stream().anyMatch(e -> name.endsWith(e) && name.length() > e.length());
        }

        boolean matchesAPattern(String name) {
            return patterns.stream().anyMatch(p -> p.matcher(name).matches());
        }
    }

    /**
     * The kind of the organ so named; {@code null} when no kind fits. Known names first, then each kind's endings
     * and patterns in the order of the catalogue; brackets and what they hold are left out, 管理委员会 is read as 管委会.
     */
    public Kind classify(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String name = normalise(agency);
        for (Kind kind : kinds) {
            if (kind.names().contains(name)) {
                return kind;
            }
        }
        for (Kind kind : kinds) {
            if (kind.endsAnyOf(name) || kind.matchesAPattern(name)) {
                return kind;
            }
        }
        return null;
    }

    /** Whether the catalogue names this organ in full (a known name, however short: 「教育部」). */
    public boolean knows(String agency) {
        if (agency == null) {
            return false;
        }
        String name = normalise(agency);
        return kinds.stream().anyMatch(k -> k.names().contains(name));
    }

    public Kind kind(String id) {
        if (UNKNOWN.equals(id)) {
            return unknown;
        }
        return kinds.stream().filter(k -> k.kind().equals(id)).findFirst().orElse(null);
    }

    /** The kind of the level a submitter gave; the name's own kind when it is of that level. */
    public Kind forGivenLevel(String level, Kind named) {
        if (level == null) {
            return named;
        }
        if (named != null && level.equals(named.level())) {
            return named;
        }
        Kind given = kind(givenLevels.get(level));
        return given != null ? given : named;
    }

    /** The place's area is run by a management committee (or may be): its name does not make a 人民政府. */
    public boolean isAreaWithoutGovernment(String place) {
        String name = normalise(place);
        return areasWithoutGovernment.stream().anyMatch(name::endsWith);
    }

    /** The organ fact of a report: its kind (given by the report's {@code organ}), or the unknown kind. */
    public Organ organOf(Report report) {
        Kind kind = report.organ() == null ? null : kind(report.organ());
        if (kind == null) {
            kind = unknown;
        }
        return new Organ(kind == unknown ? UNKNOWN : kind.kind(), kind.name(), kind.level(), kind.duties());
    }

    /**
     * The deadline of a report: the month and day of its organ's kind in the year after the reported one. A report
     * whose year is not known but whose publication date is, is held to the deadline of the year before that date
     * (the latest year it can report on, and so the latest deadline it can have); with neither, there is none. A
     * report on 2018 or before was due by 31 March under the regulations of 2008, whatever its organ.
     */
    /** The last year whose reports were due under the 2008 regulations (the revised ones apply from 15 May 2019). */
    private static final int LAST_YEAR_OF_THE_2008_REGULATIONS = 2018;

    public Deadline deadlineFor(Report report) {
        Kind kind = report.organ() == null ? null : kind(report.organ());
        if (kind == null) {
            kind = unknown;
        }
        String basis = (kind == unknown ? "未能确定机关种类的" : kind.name()) + "年度报告";
        Integer year = report.year();
        if (year == null) {
            if (report.publishedOn() == null) {
                return null;
            }
            year = report.publishedOn().getYear() - 1;
            basis += "（未能确定报告年度，按公开日期的上一年即" + year + "年度计）";
        }
        if (year <= LAST_YEAR_OF_THE_2008_REGULATIONS) {
            // before the revised regulations (in force 15 May 2019): every organ by 31 March
            return new Deadline(LocalDate.of(year + 1, 3, 31), year + "年度的年度报告",
                    "原《政府信息公开条例》（2008年施行）：各级行政机关应当在每年3月31日前公布本行政机关的政府信息公开工作年度报告");
        }
        MonthDay md = kind.deadline();
        return new Deadline(LocalDate.of(year + 1, md.getMonth(), md.getDayOfMonth()), basis, kind.deadlineBasis());
    }

    /** A name as compared: no white space, no brackets and what they hold, 管理委员会 as 管委会. */
    static String normalise(String name) {
        String n = name.replaceAll("\\s+", "");
        String before;
        do {
            before = n;
            n = BRACKETED.matcher(n).replaceAll("");
        } while (!n.equals(before));
        return n.replace("管理委员会", "管委会");
    }
}
