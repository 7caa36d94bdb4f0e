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
import org.nianbao.reading.Archives;
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
    private final AnonymousLimits anonymous;

    /** The longest name a stored report may have (an archive's entry: {@code archive!/entry}). */
    static final int MAX_SOURCE = 500;

    public AssessmentService(ActiveRuleset active, AssessmentStore store, AssessmentMetrics metrics,
                             AnonymousLimits anonymous) {
        this.active = active;
        this.store = store;
        this.metrics = metrics;
        this.anonymous = anonymous;
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

    /**
     * As {@link #assessAndStoreAll}; an anonymous batch gives each report its own private link, and is held to the
     * {@link AnonymousLimits}: refused whole ({@link RejectedInput}, too large) when it holds more reports or more
     * text than they allow, before anything of it is assessed or stored.
     */
    public List<StoredItem> storeAll(String source, byte[] bytes, AssessmentOptions options, String scorecardId,
                                     Submitter submitter) {
        Assessor assessor = assessor(scorecardId);
        List<BatchItem> items = submitter.isPrivate() && Readers.isArchive(bytes)
                ? assessAnonymousArchive(assessor, source, bytes, options)
                : assessor.assessAll(source, bytes, options, ReadingLimits.DEFAULT);
        List<StoredItem> stored = new ArrayList<>();
        for (BatchItem item : items) {
            if (!item.failed() && item.source().length() > MAX_SOURCE) { // a ZIP entry's name may be 64 KB long
                item = BatchItem.failed(item.source().substring(0, 200) + "…",
                        "文件名过长（超过 %d 个字符），未评分 (the entry's name is too long)".formatted(MAX_SOURCE));
            }
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

    /**
     * The reports of an archive handed in without an account: every entry read first, the text of them all counted
     * as it is read, and the archive refused as soon as it holds more reports or text than {@link AnonymousLimits}
     * allows; only then is each report assessed.
     */
    private List<BatchItem> assessAnonymousArchive(Assessor assessor, String source, byte[] bytes,
                                                   AssessmentOptions options) {
        ReadingLimits limits = new ReadingLimits(ReadingLimits.DEFAULT.maxBytes(), ReadingLimits.DEFAULT.maxPageBytes(),
                ReadingLimits.DEFAULT.maxCharacters(), anonymous.archiveEntries(), ReadingLimits.DEFAULT.maxArchiveBytes());
        List<Archives.Entry> entries;
        try {
            entries = Archives.entries(bytes, limits);
        } catch (RejectedInput e) {
            metrics.assessed("rejected", "archive", null);
            throw e;
        }
        List<Object> read = new ArrayList<>(); // per entry: its Document, or its BatchItem when it could not be read
        long characters = 0;
        for (Archives.Entry entry : entries) {
            String name = source + "!/" + entry.name();
            if (entry.error() != null) {
                read.add(BatchItem.failed(name, entry.error().getMessage()));
                continue;
            }
            Document document;
            try {
                document = Readers.read(name, entry.bytes(), limits);
            } catch (RejectedInput e) {
                read.add(BatchItem.failed(name, e.getMessage()));
                continue;
            }
            characters += document.text().original().length();
            if (characters > anonymous.archiveCharacters()) {
                metrics.assessed("rejected", "archive", null);
                throw new RejectedInput(RejectedInput.Reason.TOO_LARGE, ("压缩包中各报告的文字合计超过 %d 个字符，"
                        + "超过未登录时一次评分的上限；请分成几个压缩包上传，或登录后提交 (too much text in the archive)")
                        .formatted(anonymous.archiveCharacters()));
            }
            read.add(new Entry(document, Hashes.sha256(entry.bytes())));
        }
        List<BatchItem> items = new ArrayList<>();
        for (Object r : read) {
            if (r instanceof Entry e) {
                try {
                    items.add(BatchItem.of(assessor.assessKeepingFacts(e.document(), options),
                            e.document().text().original(), e.sha256()));
                } catch (RejectedInput notAReport) {
                    items.add(BatchItem.failed(e.document().text().name(), notAReport.getMessage()));
                }
            } else {
                items.add((BatchItem) r);
            }
        }
        return items;
    }

    /** An entry of an archive as read, before it is assessed. */
    private record Entry(Document document, String sha256) {
    }
}
