package org.nianbao.reading;

/**
 * Bounds on what a reader accepts, so that a hostile file fails fast with bounded memory.
 *
 * @param maxBytes        the largest file (and the largest entry of an archive, unpacked)
 * @param maxCharacters   the most text a document may yield
 * @param maxEntries      the most entries an archive may hold
 * @param maxArchiveBytes the most an archive may unpack to in all
 */
public record ReadingLimits(long maxBytes, long maxCharacters, int maxEntries, long maxArchiveBytes) {

    public static final ReadingLimits DEFAULT = new ReadingLimits(20L << 20, 2_000_000, 1000, 200L << 20);
}
