package org.nianbao.reading;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a ZIP archive of reports in memory, each entry to be assessed on its own. Nothing is written to
 * disk. Limits on the number of entries, each entry's size and the total unpacked size stop a ZIP bomb while
 * it unpacks; an entry with an unsafe name (absolute, or climbing out with {@code ..}) is refused on its own.
 */
public final class Archives {

    /** One entry: its bytes, or why it was refused. */
    public record Entry(String name, byte[] bytes, RejectedInput error) {
    }

    private Archives() {
    }

    public static List<Entry> entries(byte[] archive, ReadingLimits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (entries.size() >= limits.maxEntries()) {
                    throw new RejectedInput(RejectedInput.Reason.TOO_LARGE,
                            "压缩包中的文件超过 %d 个 (too many entries)".formatted(limits.maxEntries()));
                }
                if (unsafe(name)) {
                    entries.add(new Entry(name, null, new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT,
                            "压缩包中的文件名不安全，已跳过 (unsafe entry name): " + name)));
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.startsWith(".") || name.startsWith("__MACOSX/")) {
                    continue;
                }
                long room = Math.min(limits.maxBytes(), limits.maxArchiveBytes() - total);
                byte[] bytes = readAtMost(zip, room);
                if (bytes == null) {
                    if (room < limits.maxBytes()) {
                        throw new RejectedInput(RejectedInput.Reason.TOO_LARGE,
                                "压缩包解压后超过 %d 字节，疑似压缩炸弹 (the archive unpacks to too much)".formatted(limits.maxArchiveBytes()));
                    }
                    entries.add(new Entry(name, null, RejectedInput.tooLarge(limits.maxBytes() + 1, limits.maxBytes())));
                    continue;
                }
                total += bytes.length;
                entries.add(new Entry(name, bytes, null));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, "压缩包已损坏，无法读取 (corrupt ZIP archive): " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new RejectedInput(RejectedInput.Reason.EMPTY, "压缩包中没有文件 (the archive is empty)");
        }
        return entries;
    }

    /** The entry's bytes, or {@code null} as soon as it passes {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..");
    }
}
