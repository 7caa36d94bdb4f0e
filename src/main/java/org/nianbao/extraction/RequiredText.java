package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text that every match of a regular expression contains: for one of its alternatives, one word of each of a few
 * sets of literal words. A line that contains none of them cannot match, and is passed over without running the expression — most lines of a report, for most of the
 * statements a ruleset looks for. Worked out from the expression's own text, conservatively: whatever construct it
 * does not know (flags, back references, an unusual group) leaves the expression without a filter, run on every line.
 *
 * <p>Of {@code 信息处理费|收费通知|(政府信息公开|依申请公开)[^。]{0,12}收费}, every match contains 信息处理费, or 收费通知,
 * or (政府信息公开 or 依申请公开) and 收费.
 */
public final class RequiredText {

    private static final RequiredText ANY = new RequiredText(null, null);

    /** Every match contains, for one of these clauses, a word of each of its sets; null: nothing is known. */
    private final List<List<List<String>>> clauses;
    /** The same words, each with the characters it needs as bits (see {@link Characters}). */
    private final Word[][][] words;
    /** Every match begins with one of these words; null: not known. */
    private final List<String> openings;
    /**
     * The characters (as bits) every match holds whichever clause it satisfies: a line lacking one of them is passed
     * over with one test instead of a test of each word.
     */
    private final long[] needs;

    private RequiredText(List<List<List<String>>> clauses, List<String> openings) {
        this.clauses = clauses;
        this.openings = openings;
        this.words = clauses == null ? null : clauses.stream()
                .map(clause -> clause.stream().map(set -> set.stream().map(Word::new).toArray(Word[]::new)).toArray(Word[][]::new))
                .toArray(Word[][][]::new);
        this.needs = words == null ? null : needs(words);
    }

    /** Of every clause, the characters of each of its sets that all the set's words hold; the characters all clauses need. */
    private static long[] needs(Word[][][] clauses) {
        long[] all = null;
        for (Word[][] clause : clauses) {
            long[] ofClause = new long[4];
            for (Word[] set : clause) {
                long[] ofSet = null;
                for (Word w : set) {
                    ofSet = ofSet == null ? w.needs().clone() : and(ofSet, w.needs());
                }
                if (ofSet != null) {
                    for (int i = 0; i < 4; i++) {
                        ofClause[i] |= ofSet[i];
                    }
                }
            }
            all = all == null ? ofClause : and(all, ofClause);
        }
        return all == null ? new long[4] : all;
    }

    private static long[] and(long[] into, long[] other) {
        for (int i = 0; i < 4; i++) {
            into[i] &= other[i];
        }
        return into;
    }

    /** A required word, and a quick test of whether a text could hold it: all of its characters are in the text. */
    private record Word(String text, long[] needs) {
        Word(String text) {
            this(text, Characters.of(text));
        }

        boolean in(String line, long[] has) {
            for (int i = 0; i < needs.length; i++) {
                if ((has[i] & needs[i]) != needs[i]) {
                    return false;
                }
            }
            return line.contains(text);
        }
    }

    /**
     * The characters of a text as 256 bits (a character's low eight bits name its bit). The bits of the line asked
     * about last on each thread are kept: every statement's filter asks about the same line, one after another.
     */
    private static final class Characters {
        private String text;
        private final long[] bits = new long[4];
        private static final ThreadLocal<Characters> LAST = ThreadLocal.withInitial(Characters::new);

        static long[] of(String text) {
            return into(new long[4], text);
        }

        static long[] ofLine(String line) {
            Characters last = LAST.get();
            if (last.text != line) { // the same line object: its bits are known
                java.util.Arrays.fill(last.bits, 0);
                into(last.bits, line);
                last.text = line;
            }
            return last.bits;
        }

        private static long[] into(long[] bits, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bits[(c >> 6) & 3] |= 1L << c;
            }
            return bits;
        }
    }

    public static RequiredText of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return ANY;
        }
        try {
            Parser parser = new Parser(pattern.pattern());
            List<List<Set<String>>> clauses = parser.clauses();
            if (parser.at < parser.text.length() || clauses.stream().anyMatch(List::isEmpty)) {
                return ANY;
            }
            return new RequiredText(clauses.stream().map(c -> c.stream().map(List::copyOf).toList()).toList(),
                    parser.openings == null ? null : List.copyOf(new LinkedHashSet<>(parser.openings)));
        } catch (RuntimeException e) { // Unknown, or anything else it cannot take apart: run on every line
            return ANY;
        }
    }

    /** False only when no match is possible in {@code text}. */
    public boolean mayMatch(String text) {
        if (words == null) {
            return true;
        }
        long[] has = Characters.ofLine(text);
        for (int i = 0; i < 4; i++) {
            if ((has[i] & needs[i]) != needs[i]) {
                return false;
            }
        }
        for (Word[][] clause : words) {
            if (satisfied(clause, text, has)) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfied(Word[][] clause, String text, long[] has) {
        for (Word[] set : clause) {
            boolean found = false;
            for (Word w : set) {
                if (w.in(text, has)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The words of every clause's first set (one of which every match contains); empty when nothing is known. */
    public List<String> words() {
        return clauses == null ? List.of() : clauses.stream().flatMap(c -> c.get(0).stream()).distinct().toList();
    }

    /**
     * The words one of which every match begins with, when every alternative of the expression opens with a literal
     * word, a class of plain characters or a group of such alternatives; null when that is not known.
     */
    List<String> openings() {
        return openings;
    }

    /** Each clause: the sets of words, one word of each of which a match by that alternative contains. */
    List<List<List<String>>> clauses() {
        return clauses == null ? List.of() : clauses;
    }

    /** The longest range of characters in a class ([1-9], [a-z]) listed as opening characters. */
    private static final int MAX_RANGE = 64;

    /** A construct the parser does not take apart. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** A recursive descent over the expression: alternation → sequence → atom with its quantifier. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        /**
         * For each alternative, the sets of words a match by it contains one of each (empty: none known); and in
         * {@link #openings}, the words the alternatives begin with.
         */
        List<List<Set<String>>> clauses() {
            List<List<Set<String>>> clauses = new ArrayList<>();
            List<String> opening = new ArrayList<>();
            while (true) {
                clauses.add(sequence());
                if (opening != null && sequenceOpening != null) {
                    opening.addAll(sequenceOpening);
                } else {
                    opening = null;
                }
                if (at < text.length() && text.charAt(at) == '|') {
                    at++;
                    continue;
                }
                openings = opening;
                return clauses;
            }
        }

        /** The words every match of the alternation parsed last begins with; null when not known. */
        List<String> openings;
        /** The same, of the sequence parsed last, and of the group parsed last. */
        private List<String> sequenceOpening;
        private List<String> groupOpening;

        /** The words one of which every match of the alternation contains; null when an alternative has none. */
        private Set<String> alternation() {
            Set<String> all = new LinkedHashSet<>();
            boolean known = true;
            for (List<Set<String>> clause : clauses()) {
                Set<String> best = null;
                for (Set<String> c : clause) {
                    if (best == null || shortest(c) > shortest(best)) {
                        best = c;
                    }
                }
                if (best == null) {
                    known = false;
                } else {
                    all.addAll(best);
                }
            }
            return known ? all : null;
        }

        /** What a sequence requires: every literal run, class and group that must occur, each a set of words. */
        private List<Set<String>> sequence() {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            StringBuilder lead = new StringBuilder(); // the literal characters every match begins with
            boolean leading = true;
            List<String> opening = null;
            while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
                char c = text.charAt(at);
                Set<String> atom;
                Character literal = null;
                if (c == '(') {
                    atom = group();
                } else if (c == '[') {
                    atom = charClass();
                } else if (c == '\\') {
                    literal = escape();
                    atom = literal == null ? null : Set.of(String.valueOf(literal));
                } else if (c == '.' || c == '^' || c == '$') {
                    at++;
                    atom = null;
                } else if ("*+?{}".indexOf(c) >= 0) {
                    throw new Unknown(); // a quantifier with nothing before it
                } else {
                    at++;
                    literal = c;
                    atom = Set.of(String.valueOf(c));
                }
                int min = quantifier();
                if (c == '(' && lastGroupLooksAround && leading && lead.isEmpty()) {
                    continue; // a look-around before the first character consumes nothing: what follows opens every match
                }
                boolean repeated = min != 1 || lastWasQuantified;
                if (literal != null && min >= 1) {
                    run.append(literal.charValue());
                    if (leading) {
                        lead.append(literal.charValue());
                    }
                    if (repeated) { // "ab+": ab is there; what follows need not come right after b
                        flush(run, candidates);
                        leading = false;
                    }
                    continue;
                }
                if (leading && lead.isEmpty() && min >= 1) { // the first atom: a group or a class opens every match
                    opening = c == '(' ? groupOpening : c == '[' && atom != null ? List.copyOf(atom) : null;
                }
                leading = false;
                flush(run, candidates);
                if (atom != null && min >= 1) {
                    candidates.add(atom);
                }
            }
            flush(run, candidates);
            sequenceOpening = !lead.isEmpty() ? List.of(lead.toString()) : opening;
            return candidates;
        }

        private boolean lastWasQuantified;
        /** Whether the group parsed last was a look-ahead or a look-behind. */
        private boolean lastGroupLooksAround;

        private static void flush(StringBuilder run, List<Set<String>> candidates) {
            if (!run.isEmpty()) {
                candidates.add(Set.of(run.toString()));
                run.setLength(0);
            }
        }

        private static int shortest(Set<String> words) {
            return words.stream().mapToInt(String::length).min().orElse(0);
        }

        /** A group: its alternation's words; a look-around requires nothing of the match itself. */
        private Set<String> group() {
            at++; // (
            boolean consumes = true;
            if (text.startsWith("?:", at)) {
                at += 2;
            } else if (text.startsWith("?=", at) || text.startsWith("?!", at)) {
                at += 2;
                consumes = false;
            } else if (text.startsWith("?<=", at) || text.startsWith("?<!", at)) {
                at += 3;
                consumes = false;
            } else if (text.startsWith("?<", at)) {
                int end = text.indexOf('>', at);
                if (end < 0) {
                    throw new Unknown();
                }
                at = end + 1;
            } else if (at < text.length() && text.charAt(at) == '?') {
                throw new Unknown(); // flags, atomic groups, …
            }
            Set<String> inside = alternation();
            List<String> opening = openings;
            if (at >= text.length() || text.charAt(at) != ')') {
                throw new Unknown();
            }
            at++;
            groupOpening = consumes ? opening : null;
            lastGroupLooksAround = !consumes;
            return consumes ? inside : null;
        }

        /**
         * A class of plain characters ([XＸ], [（(], [1-9]) is one of them; a short range of plain characters is its
         * characters; negations, escapes such as \\d and longer ranges are not known.
         */
        private Set<String> charClass() {
            at++; // [
            Set<String> chars = new LinkedHashSet<>();
            boolean plain = at < text.length() && text.charAt(at) != '^';
            boolean first = true;
            Character previous = null; // the plain character before, which a range would start from
            while (at < text.length() && (text.charAt(at) != ']' || first)) {
                char c = text.charAt(at);
                first = false;
                if (c == '[' || c == '&') {
                    throw new Unknown(); // nested classes and intersections
                }
                if (c == '\\') {
                    Character e = escape();
                    if (e == null) {
                        plain = false;
                    } else {
                        chars.add(String.valueOf(e));
                    }
                    previous = e;
                    continue;
                }
                if (c == '-' && !chars.isEmpty() && at + 1 < text.length() && text.charAt(at + 1) != ']') {
                    char to = text.charAt(at + 1);
                    if (previous != null && to != '\\' && to != '[' && to >= previous && to - previous <= MAX_RANGE) {
                        for (char x = (char) (previous + 1); x <= to; x++) {
                            chars.add(String.valueOf(x));
                        }
                        at += 2;
                        previous = null;
                        continue;
                    }
                    plain = false; // a range too long to list, or of escapes
                }
                chars.add(String.valueOf(c));
                previous = c;
                at++;
            }
            if (at >= text.length()) {
                throw new Unknown();
            }
            at++; // ]
            return plain ? chars : null;
        }

        /** An escaped punctuation mark is itself; \d, \s, \b, \p{…}, back references and the rest are not literal. */
        private Character escape() {
            if (at + 1 >= text.length()) {
                throw new Unknown();
            }
            char c = text.charAt(at + 1);
            at += 2;
            if (Character.isDigit(c) && c != '0') {
                throw new Unknown(); // a back reference
            }
            if (c == 'p' || c == 'P') {
                if (at < text.length() && text.charAt(at) == '{') {
                    int end = text.indexOf('}', at);
                    if (end < 0) {
                        throw new Unknown();
                    }
                    at = end + 1;
                } else {
                    at++;
                }
                return null;
            }
            if (c == 'Q' || c == 'x' || c == 'u' || c == '0' || c == 'c' || c == 'N' || c == 'k' || c == 'g') {
                throw new Unknown();
            }
            if (Character.isLetterOrDigit(c)) {
                return null; // \d \w \s \b and the like
            }
            return c;
        }

        /** The least number of times the atom before occurs: 1 without a quantifier. */
        private int quantifier() {
            lastWasQuantified = false;
            if (at >= text.length()) {
                return 1;
            }
            char c = text.charAt(at);
            int min;
            if (c == '?' || c == '*') {
                min = 0;
                at++;
            } else if (c == '+') {
                min = 1;
                at++;
            } else if (c == '{') {
                int end = text.indexOf('}', at);
                if (end < 0) {
                    throw new Unknown();
                }
                String body = text.substring(at + 1, end);
                if (!body.matches("\\d+(,\\d*)?")) {
                    throw new Unknown();
                }
                min = Integer.parseInt(body.contains(",") ? body.substring(0, body.indexOf(',')) : body);
                at = end + 1;
            } else {
                return 1;
            }
            lastWasQuantified = true;
            if (at < text.length() && (text.charAt(at) == '?' || text.charAt(at) == '+')) {
                at++; // lazy or possessive
            }
            return min;
        }
    }
}
