package org.nianbao.reading;

/**
 * Bounds on what a reader accepts, so that a hostile file fails fast with bounded memory.
 *
 * @param maxBytes        the largest file (and the largest entry of an archive, unpacked)
 * @param maxPageBytes    the largest web page (markup costs the parser far more per byte than text)
 * @param maxCharacters   the most text a document may yield
 * @param maxEntries      the most entries an archive may hold
 * @param maxArchiveBytes the most an archive may unpack to in all
 */
public record ReadingLimits(long maxBytes, long maxPageBytes, long maxCharacters, int maxEntries, long maxArchiveBytes) {

    public static final ReadingLimits DEFAULT = new ReadingLimits(20L << 20, 5L << 20, 2_000_000, 1000, 200L << 20);

    /** The default limits with another largest file size. */
    public static ReadingLimits withMaxBytes(long maxBytes) {
        return new ReadingLimits(maxBytes, DEFAULT.maxPageBytes(), DEFAULT.maxCharacters(), DEFAULT.maxEntries(),
                Math.max(DEFAULT.maxArchiveBytes(), maxBytes));
    }
}
