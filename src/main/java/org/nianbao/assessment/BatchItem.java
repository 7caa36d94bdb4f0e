package org.nianbao.assessment;

/**
 * One report of a batch: its assessment, the text read from it and the hash of its bytes, or why it could
 * not be assessed.
 *
 * @param extractedText the text the assessment was made from (stored with it); {@code null} on error
 * @param sourceSha256  the SHA-256 of the report's own bytes (the archive entry, not the archive)
 * @param facts         the facts the assessment was made from, stored with it; {@code null} on error
 */
public record BatchItem(String source, Assessment assessment, String extractedText, String sourceSha256, String error,
                        Assessor.Drawn facts) {

    public static BatchItem of(Assessor.Assessed assessed, String extractedText, String sourceSha256) {
        return new BatchItem(assessed.assessment().source(), assessed.assessment(), extractedText, sourceSha256, null,
                assessed.facts());
    }

    public static BatchItem failed(String source, String error) {
        return new BatchItem(source, null, null, null, error, null);
    }

    public BatchItem withAssessment(Assessment stored) {
        return new BatchItem(source, stored, extractedText, sourceSha256, error, facts);
    }

    public boolean failed() {
        return error != null;
    }
}
