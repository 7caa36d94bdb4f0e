package org.nianbao.collection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A site's robots.txt as RFC 9309 reads it: the group for this service's name (else the group for {@code *}), its
 * {@code Allow} and {@code Disallow} rules — the longest matching path wins, an {@code Allow} on a tie, {@code *}
 * matches any characters and {@code $} the end — and the {@code Crawl-delay} it asks for.
 */
public final class Robots {

    /** A robots.txt that allows everything (none found: HTTP 4xx). */
    public static final Robots ALLOW_ALL = new Robots(List.of(), null, false);

    /** One that allows nothing (the file could not be read: HTTP 5xx or no answer). */
    public static final Robots DISALLOW_ALL = new Robots(List.of(), null, true);

    private record Rule(boolean allow, String path) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;
    private final boolean nothing;

    private Robots(List<Rule> rules, Duration crawlDelay, boolean nothing) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
        this.nothing = nothing;
    }

    /** The rules of {@code text} for the agent named {@code agent}. */
    public static Robots parse(String text, String agent) {
        String me = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> any = new ArrayList<>();
        Duration myDelay = null;
        Duration anyDelay = null;
        boolean forMe = false;
        boolean forAny = false;
        boolean inAgents = false; // consecutive user-agent lines start one group
        boolean foundMine = false;
        for (String raw : text.split("\\R")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) {
                    forMe = false;
                    forAny = false;
                }
                inAgents = true;
                String name = value.toLowerCase(Locale.ROOT);
                if (name.equals("*")) {
                    forAny = true;
                } else if (name.equals(me)) {
                    forMe = true;
                    foundMine = true;
                }
                continue;
            }
            inAgents = false;
            Rule rule = switch (key) {
                case "allow" -> new Rule(true, value);
                case "disallow" -> new Rule(false, value);
                default -> null;
            };
            if (rule != null && !rule.path().isEmpty()) {
                if (forMe) {
                    mine.add(rule);
                }
                if (forAny) {
                    any.add(rule);
                }
            } else if (key.equals("crawl-delay")) {
                Duration d = seconds(value);
                if (forMe) {
                    myDelay = d;
                }
                if (forAny) {
                    anyDelay = d;
                }
            }
        }
        return foundMine ? new Robots(mine, myDelay, false) : new Robots(any, anyDelay, false);
    }

    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s > 0 ? Duration.ofMillis((long) (Math.min(s, 60) * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        if (nothing) {
            return false;
        }
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.path(), path) && (best == null || r.path().length() > best.path().length()
                    || r.path().length() == best.path().length() && r.allow())) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    /** The pause the site asks for between requests (at most a minute), or null. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    /** A robots.txt path pattern against a path: {@code *} any characters, {@code $} at the end the end of the path. */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int i, String s, int j, boolean anchored) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= s.length(); k++) {
                    if (match(p, i + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= s.length() || s.charAt(j) != c) {
                return false;
            }
            i++;
            j++;
        }
        return !anchored || j == s.length();
    }
}
