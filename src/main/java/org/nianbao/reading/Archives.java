package org.nianbao.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Unpacks a ZIP archive of reports in memory, each entry to be assessed on its own; nothing is written to
 * disk. The archive is read through its central directory, so listing it inflates nothing, and each entry is
 * inflated only up to the size limit: a ZIP bomb stops as soon as it passes the limit. An entry with an
 * unsafe name (absolute, or climbing out with {@code ..}) is refused on its own.
 */
public final class Archives {

    /** One entry: its bytes, or why it was refused. */
    public record Entry(String name, byte[] bytes, RejectedInput error) {
    }

    private Archives() {
    }

    /** The names of the entries, from the central directory (nothing is inflated). */
    static List<String> names(byte[] archive) throws IOException {
        try (ZipFile zip = open(archive)) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                names.add(e.getName());
            }
            return names;
        }
    }

    public static List<Entry> entries(byte[] archive, ReadingLimits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipFile zip = open(archive)) {
            List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
            long files = all.stream().filter(e -> !skipped(e)).count(); // folders and a Mac's extras are no reports
            if (files > limits.maxEntries()) {
                throw new RejectedInput(RejectedInput.Reason.TOO_LARGE,
                        "压缩包中有 %d 个文件，超过上限 %d 个 (too many entries)".formatted(files, limits.maxEntries()));
            }
            for (ZipArchiveEntry entry : all) {
                String name = entry.getName();
                if (skipped(entry)) {
                    continue;
                }
                if (unsafe(name)) {
                    entries.add(new Entry(name, null, new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT,
                            "压缩包中的文件名不安全，已跳过 (unsafe entry name): " + name)));
                    continue;
                }
                long room = Math.min(limits.maxBytes(), limits.maxArchiveBytes() - total);
                byte[] bytes = entry.getSize() > room ? null : readAtMost(zip, entry, room);
                if (bytes == null) {
                    entries.add(new Entry(name, null, new RejectedInput(RejectedInput.Reason.TOO_LARGE,
                            "解压后超过 %d 字节，疑似压缩炸弹，已跳过 (the entry unpacks to too much)".formatted(room))));
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

    /** A folder, a hidden file or a Mac's resource fork: listed in the archive, but no report. */
    private static boolean skipped(ZipArchiveEntry entry) {
        String name = entry.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        return entry.isDirectory() || base.startsWith(".") || name.startsWith("__MACOSX/");
    }

    private static ZipFile open(byte[] archive) throws IOException {
        return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get();
    }

    /** The entry's bytes, or {@code null} as soon as it passes {@code limit}. */
    private static byte[] readAtMost(ZipFile zip, ZipArchiveEntry entry, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
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
    }

    private static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..");
    }
}
