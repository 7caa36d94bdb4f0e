package org.nianbao.rounds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which expected agency a report belongs to, the way a reviewer would: by the name the manifest gives, the
 * agency the report names, or the file's name — the full name or one of its aliases first, then a shortened name
 * (「市应急局」 for 「衢州市应急管理局」: its characters in the same order within exactly one expected name). A
 * shortening leaves words out, never a place or an organ: 「衢州市人民政府」 is not a shortening of
 * 「衢州市柯城区人民政府」 (the district's name would be left out), so a city's report never goes to its district,
 * nor a bureau's to an office inside it. A name that fits two expected agencies is not matched: a reviewer assigns it.
 */
public final class AgencyMatcher {

    /** An expected agency: its id, its full name and its aliases. */
    public record Candidate(long agencyId, String name, List<String> aliases) {
    }

    /** A candidate with its full name and aliases as they are compared ({@link #normalise}), made once. */
    private record Prepared(Candidate candidate, List<String> names) {
    }

    private final List<Prepared> candidates;

    public AgencyMatcher(List<Candidate> candidates) {
        this.candidates = candidates.stream().map(c -> new Prepared(c, names(c))).toList();
    }

    /** The agency the first of {@code names} that can be matched unambiguously belongs to, or null. */
    public Candidate match(String... names) {
        for (String name : names) {
            Candidate found = matchOne(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Candidate matchOne(String raw) {
        String name = normalise(raw);
        if (name.length() < 2) {
            return null;
        }
        // the full name or an alias, exactly
        Set<Candidate> exact = new LinkedHashSet<>();
        for (Prepared c : candidates) {
            if (c.names().contains(name)) {
                exact.add(c.candidate());
            }
        }
        if (exact.size() == 1) {
            return exact.iterator().next();
        }
        if (exact.size() > 1) {
            return null;
        }
        // a longer text (a file name, a title) that holds exactly one expected name or alias, the longest one
        List<Candidate> within = new ArrayList<>();
        int longest = 0;
        for (Prepared c : candidates) {
            for (String n : c.names()) {
                if (n.length() >= 3 && name.contains(n)) {
                    if (n.length() > longest) {
                        within.clear();
                        longest = n.length();
                    }
                    if (n.length() == longest && !within.contains(c.candidate())) {
                        within.add(c.candidate());
                    }
                }
            }
        }
        if (within.size() == 1) {
            return within.get(0);
        }
        if (within.size() > 1) {
            return null;
        }
        // a shortened name: its characters in order within exactly one expected name
        if (name.length() < 3) {
            return null;
        }
        List<Candidate> shortened = new ArrayList<>();
        for (Prepared c : candidates) {
            if (c.names().stream().anyMatch(n -> n.length() > name.length() && inOrder(name, n))) {
                shortened.add(c.candidate());
            }
        }
        return shortened.size() == 1 ? shortened.get(0) : null;
    }

    /**
     * The expected agencies most like any of {@code names} (a name a report gives, its file's name), best first: by the
     * longest run of characters in common order, against the name's length — for a reviewer to choose from.
     */
    public List<Candidate> likely(int limit, String... names) {
        List<String> given = new ArrayList<>();
        for (String n : names) {
            String normal = normalise(n);
            if (normal.length() >= 2) {
                given.add(normal);
            }
        }
        record Scored(Candidate candidate, double score) {
        }
        return candidates.stream()
                .map(c -> new Scored(c.candidate(), c.names().stream().mapToDouble(n -> given.stream()
                        .mapToDouble(g -> (double) common(g, n) / Math.max(n.length(), 1)).max().orElse(0)).max().orElse(0)))
                .filter(s -> s.score() >= 0.3)
                .sorted(java.util.Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(s -> s.candidate().name()))
                .limit(limit).map(Scored::candidate).toList();
    }

    /** The length of the longest sequence of characters both have in the same order. */
    static int common(String a, String b) {
        int[][] l = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                l[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? l[i - 1][j - 1] + 1 : Math.max(l[i - 1][j], l[i][j - 1]);
            }
        }
        return l[a.length()][b.length()];
    }

    private static List<String> names(Candidate c) {
        List<String> names = new ArrayList<>();
        names.add(normalise(c.name()));
        c.aliases().forEach(a -> names.add(normalise(a)));
        return names;
    }

    /**
     * Whether every character of {@code part} appears in {@code whole} in the same order, the first two together, and
     * what is left out between them names no place or organ of its own ({@link #namesAPlace}), nor, after a name
     * that is an organ's, what follows; what is left out before them may (「柯城区政府」 leaves out 「衢州市」, the
     * place above it).
     */
    static boolean inOrder(String part, String whole) {
        int at = whole.indexOf(part.substring(0, 2));
        if (at < 0) {
            return false;
        }
        int i = at + 2;
        for (int k = 2; k < part.length(); k++) {
            int next = whole.indexOf(part.charAt(k), i);
            if (next < 0 || namesAPlace(whole.substring(i, next))) {
                return false;
            }
            i = next + 1;
        }
        // a whole organ's name is not a shortening of an organ inside it: 「…局」 is not 「…局执法支队办公室」
        return !(ORGAN_END.indexOf(part.charAt(part.length() - 1)) >= 0 && namesAPlace(whole.substring(i)));
    }

    /** Characters an organ's name ends with. */
    private static final String ORGAN_END = "局委厅办府院会署部室所站队处科";

    /**
     * Words left out of a name that make it another organ's: a place (「柯城区」「衢江」 — text ending in 省/市/区/县/
     * 镇/乡/街道/村), or an office, a centre or a station inside the organ.
     */
    static boolean namesAPlace(String leftOut) {
        return leftOut.length() >= 2 && (leftOut.matches(".*(省|市|区|县|镇|乡|街道|村|旗|盟|州)$")
                || leftOut.matches(".*(办公室|中心|站|所|队|院|处|科)$"));
    }

    /** A name without spaces, punctuation, file extension or the words around it in a title. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = name.strip();
        n = n.replaceAll("(?i)\\.(txt|html?|docx?|pdf|zip)$", "");
        n = n.replaceAll("[\\s\\p{Punct}（）()【】《》“”「」、，。：:·]", "");
        return n;
    }
}
