package org.nianbao.submission;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.BatchItem;
import org.nianbao.assessment.Hashes;
import org.nianbao.policy.ActiveRuleset;
import org.nianbao.policy.Scorecards;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.scoring.Scorecard;
import org.nianbao.operations.AssessmentMetrics;
import org.nianbao.reading.RejectedInput;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.springframework.stereotype.Service;

/**
 * The service's side of the flow: assessing with the ruleset in force, and storing what was assessed. Each
 * assessment takes the ruleset once, so one activated meanwhile does not touch it.
 */
@Service
public class AssessmentService {

    private final ActiveRuleset active;
    private final AssessmentStore store;
    private final AssessmentMetrics metrics;

    public AssessmentService(ActiveRuleset active, AssessmentStore store, AssessmentMetrics metrics) {
        this.active = active;
        this.store = store;
        this.metrics = metrics;
    }

    public Assessor assessor() {
        return active.get();
    }

    /**
     * The scorecards kept side by side in the version in force: a scorecard changes with an activation, recorded in
     * the history like any rule (each assessment names the scorecard's version and content hash).
     */
    public Scorecards scorecards() {
        return active.scorecards();
    }

    /**
     * The rules in force with the scorecard chosen for a request: {@code null} or the id of the scorecard in force
     * gives the assessor in force; another id one of the scorecards kept beside it.
     */
    public Assessor assessor(String scorecardId) {
        Assessor current = active.get();
        if (scorecardId == null || scorecardId.isBlank() || scorecardId.equals(current.scorecard().id())) {
            return current;
        }
        Scorecard card = scorecards().get(scorecardId);
        if (card == null) {
            throw new UnknownScorecard(scorecardId);
        }
        return new Assessor(current.rules(), card);
    }

    /** A scorecard id that is not among those kept. */
    public static class UnknownScorecard extends RuntimeException {
        public UnknownScorecard(String id) {
            super("没有编号为「" + id + "」的记分卡 (no such scorecard)");
        }
    }

    /** Reads, assesses and stores one uploaded report with who handed it in; the result carries its id. */
    public Assessment assessAndStore(String source, byte[] bytes, AssessmentOptions options, String scorecardId,
                                     Submitter submitter) {
        Assessor assessor = assessor(scorecardId);
        long start = AssessmentMetrics.start();
        Document document;
        try {
            document = Readers.read(source, bytes);
        } catch (RejectedInput e) {
            metrics.assessed("rejected", bytes.length == 0 ? "empty" : Readers.kind(bytes).name().toLowerCase(),
                    AssessmentMetrics.since(start));
            throw e;
        }
        Assessor.Assessed assessment;
        try {
            assessment = assessor.assessKeepingFacts(document, options);
        } catch (RejectedInput e) {
            metrics.assessed("rejected", document.format(), AssessmentMetrics.since(start));
            throw e;
        } catch (RuntimeException e) {
            metrics.assessed("failed", document.format(), AssessmentMetrics.since(start));
            throw e;
        }
        metrics.assessed("scored", document.format(), AssessmentMetrics.since(start));
        return store.save(assessment.assessment(), assessment.facts(), Hashes.sha256(bytes), document.text().original(),
                submitter);
    }

    /** A ZIP archive of reports (or one report): each entry assessed and stored on its own. */
    public List<BatchItem> assessAndStoreAll(String source, byte[] bytes, AssessmentOptions options, String scorecardId,
                                             Submitter submitter) {
        return storeAll(source, bytes, options, scorecardId, submitter).stream().map(StoredItem::item).toList();
    }

    /** One report of a batch as stored, with the link of its private self-check (null when stored for an account). */
    public record StoredItem(BatchItem item, String privateLink) {
    }

    /** As {@link #assessAndStoreAll}; an anonymous batch gives each report its own private link. */
    public List<StoredItem> storeAll(String source, byte[] bytes, AssessmentOptions options, String scorecardId,
                                     Submitter submitter) {
        List<StoredItem> stored = new ArrayList<>();
        for (BatchItem item : assessor(scorecardId).assessAll(source, bytes, options, ReadingLimits.DEFAULT)) {
            metrics.assessed(item.failed() ? "rejected" : "scored", "archive", null); // the entry's own format is not kept
            if (item.failed()) {
                stored.add(new StoredItem(item, null));
                continue;
            }
            Submitter each = submitter.isPrivate() ? Submitter.anonymous() : submitter;
            stored.add(new StoredItem(item.withAssessment(store.save(item.assessment(), item.facts(), item.sourceSha256(),
                    item.extractedText(), each)), each.privateLink()));
        }
        return stored;
    }
}
