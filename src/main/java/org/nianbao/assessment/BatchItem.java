package org.nianbao.assessment;

/**
 * One report of a batch: its assessment and the text read from it, or why it could not be assessed.
 *
 * @param extractedText the text the assessment was made from (stored with it); {@code null} on error
 */
public record BatchItem(String source, Assessment assessment, String extractedText, String error) {

    public static BatchItem of(Assessment assessment, String extractedText) {
        return new BatchItem(assessment.source(), assessment, extractedText, null);
    }

    public static BatchItem failed(String source, String error) {
        return new BatchItem(source, null, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
