package org.nianbao.assessment;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Service;

/** The service's side of the flow: the active rules and scorecard, and storing what was assessed. */
@Service
public class AssessmentService {

    private final Assessor assessor;
    private final AssessmentStore store;

    public AssessmentService(NianbaoProperties properties, AssessmentStore store) {
        this.assessor = new Assessor(RuleSetLoader.load(properties.rulesDir()), ScorecardLoader.load(properties.scorecard()));
        this.store = store;
    }

    public Assessor assessor() {
        return assessor;
    }

    /** Reads, assesses and stores one uploaded report; the result carries its id. */
    public Assessment assessAndStore(String source, byte[] bytes, AssessmentOptions options) {
        Document document = Readers.read(source, bytes);
        Assessment assessment = assessor.assess(document, options);
        return store.save(assessment, Hashes.sha256(bytes), document.text().original());
    }

    /** A ZIP archive of reports (or one report): each entry assessed and stored on its own. */
    public List<BatchItem> assessAndStoreAll(String source, byte[] bytes, AssessmentOptions options) {
        List<BatchItem> stored = new ArrayList<>();
        for (BatchItem item : assessor.assessAll(source, bytes, options, ReadingLimits.DEFAULT)) {
            stored.add(item.failed() ? item
                    : item.withAssessment(store.save(item.assessment(), item.sourceSha256(), item.extractedText())));
        }
        return stored;
    }
}
