package org.nianbao.assessment;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.policy.ActiveRuleset;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Service;

/**
 * The service's side of the flow: assessing with the ruleset in force, and storing what was assessed. Each
 * assessment takes the ruleset once, so one activated meanwhile does not touch it.
 */
@Service
public class AssessmentService {

    private final ActiveRuleset active;
    private final AssessmentStore store;

    public AssessmentService(ActiveRuleset active, AssessmentStore store) {
        this.active = active;
        this.store = store;
    }

    public Assessor assessor() {
        return active.get();
    }

    /** Reads, assesses and stores one uploaded report; the result carries its id. */
    public Assessment assessAndStore(String source, byte[] bytes, AssessmentOptions options) {
        Document document = Readers.read(source, bytes);
        Assessment assessment = active.get().assess(document, options);
        return store.save(assessment, Hashes.sha256(bytes), document.text().original());
    }

    /** A ZIP archive of reports (or one report): each entry assessed and stored on its own. */
    public List<BatchItem> assessAndStoreAll(String source, byte[] bytes, AssessmentOptions options) {
        List<BatchItem> stored = new ArrayList<>();
        for (BatchItem item : active.get().assessAll(source, bytes, options, ReadingLimits.DEFAULT)) {
            stored.add(item.failed() ? item
                    : item.withAssessment(store.save(item.assessment(), item.sourceSha256(), item.extractedText())));
        }
        return stored;
    }
}
