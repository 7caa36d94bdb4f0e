package org.nianbao.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The database URL the service connects with, completed with what an acknowledged write needs, whatever URL the
 * operator gives: an answer 200 or 201 means the row is in the database file, and a killed process loses none.
 *
 * <p>For an H2 database kept in files (or reached through an H2 server) the URL gets {@code WRITE_DELAY=0} (each
 * commit written before it returns; H2's own default writes up to half a second later), and for a file database
 * {@code DB_CLOSE_ON_EXIT=FALSE} (the service closes it itself when it stops, after handing back the job items it
 * held, rather than H2's exit hook closing it underneath). A URL that asks for the contrary — a write delay above
 * zero, the database closed on the JVM's exit — is refused with a message that says what to remove. A database in
 * memory and a PostgreSQL URL are returned as they are (PostgreSQL's commits are seen to in {@link DurableDatabase}).
 */
public final class DurableUrl {

    private DurableUrl() {
    }

    /** The URL to connect with: an H2 file or server URL completed, any other as it is. */
    public static String complete(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return url;
        }
        String[] parts = url.split(";", -1);
        String location = parts[0].substring("jdbc:h2:".length());
        Kind kind = kindOf(location);
        if (kind == Kind.MEMORY) {
            return url;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1).trim());
        }
        StringBuilder completed = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
        String delay = settings.get("WRITE_DELAY");
        if (delay == null) {
            completed.append(";WRITE_DELAY=0");
        } else if (!delay.equals("0")) {
            throw new UnsafeDatabaseSettings("WRITE_DELAY=" + delay,
                    "数据库地址中的 WRITE_DELAY=%s 会让已确认的写入在进程被终止时丢失；请从地址中去掉它（服务自行设为 0）".formatted(delay));
        }
        if (kind == Kind.FILE) {
            String closeOnExit = settings.get("DB_CLOSE_ON_EXIT");
            if (closeOnExit == null) {
                completed.append(";DB_CLOSE_ON_EXIT=FALSE");
            } else if (!closeOnExit.equalsIgnoreCase("FALSE")) {
                throw new UnsafeDatabaseSettings("DB_CLOSE_ON_EXIT=" + closeOnExit,
                        ("数据库地址中的 DB_CLOSE_ON_EXIT=%s 会让数据库在服务交回任务项之前关闭；请从地址中去掉它"
                                + "（服务停止时自行关闭数据库）").formatted(closeOnExit));
            }
        }
        return completed.toString();
    }

    /** Where an H2 database lives, by its URL after {@code jdbc:h2:}. */
    enum Kind { MEMORY, SERVER, FILE }

    static Kind kindOf(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("memfs:") || lower.startsWith("memlzf:")) {
            return Kind.MEMORY;
        }
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return lower.contains("/mem:") ? Kind.MEMORY : Kind.SERVER;
        }
        return Kind.FILE; // file:, nio:, split:, async:, a bare path, ~/…
    }
}
