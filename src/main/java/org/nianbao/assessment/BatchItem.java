package org.nianbao.assessment;

/**
 * One report of a batch: its assessment, the text read from it and the hash of its bytes, or why it could
 * not be assessed.
 *
 * @param extractedText the text the assessment was made from (stored with it); {@code null} on error
 * @param sourceSha256  the SHA-256 of the report's own bytes (the archive entry, not the archive)
 */
public record BatchItem(String source, Assessment assessment, String extractedText, String sourceSha256, String error) {

    public static BatchItem of(Assessment assessment, String extractedText, String sourceSha256) {
        return new BatchItem(assessment.source(), assessment, extractedText, sourceSha256, null);
    }

    public static BatchItem failed(String source, String error) {
        return new BatchItem(source, null, null, null, error);
    }

    public BatchItem withAssessment(Assessment stored) {
        return new BatchItem(source, stored, extractedText, sourceSha256, error);
    }

    public boolean failed() {
        return error != null;
    }
}
