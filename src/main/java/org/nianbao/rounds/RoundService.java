package org.nianbao.rounds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nianbao.assessment.Assessor;
import org.nianbao.policy.ActivationService;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.Scorecards;
import org.nianbao.policy.Validation;
import org.nianbao.reading.Archives;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.scoring.Scorecard;
import org.nianbao.submission.AssessmentService;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Evaluation rounds: opened with the rules and scorecard in force frozen for them, the agencies they expect, and
 * the reports handed in, assessed in the background with the round's own rules.
 */
@Service
public class RoundService {

    /** A request that cannot be carried out as asked (a 4xx, with what to fix). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** No round, job or submission with that id. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private static final String[] MANIFESTS = {"manifest.csv", "清单.csv"};

    private final RoundStore store;
    private final AssessmentService assessments;
    private final ActivationService activation;
    private final ObjectMapper json;
    private final Map<Long, Assessor> assessors = new ConcurrentHashMap<>();

    public RoundService(RoundStore store, AssessmentService assessments, ActivationService activation, ObjectMapper json) {
        this.store = store;
        this.assessments = assessments;
        this.activation = activation;
        this.json = json;
    }

    /** Opens a round with the rules in force and the scorecard asked for (the one in force if none). */
    public RoundStore.Round open(String name, Integer year, String region, String scorecardId, String by) {
        return open(name, year, region, scorecardId, by, true);
    }

    /**
     * Opens a round with the rules in force and the scorecard asked for (the one in force if none); with
     * {@code secondReviewer}, dismissing an error takes a second reviewer.
     */
    public RoundStore.Round open(String name, Integer year, String region, String scorecardId, String by,
                                 boolean secondReviewer) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Refused("请给出评估轮次的名称 name（200 字以内）(name is required)");
        }
        int thisYear = LocalDate.now().getYear();
        if (year == null || year < 2008 || year > thisYear) {
            throw new Refused("请给出所评估的报告年度 year（2008 至 " + thisYear + "）(year is required)");
        }
        Assessor assessor;
        try {
            assessor = assessments.assessor(scorecardId);
        } catch (AssessmentService.UnknownScorecard e) {
            throw new Refused(e.getMessage());
        }
        RulesetFiles files = activation.filesInForce();
        long id = store.create(name.strip(), year, region == null || region.isBlank() ? null : region.strip(),
                assessor.scorecard().id(), assessor.rules().version(), assessor.scorecard().label(),
                json.writeValueAsString(files.files()), by, secondReviewer);
        assessors.put(id, assessor);
        return round(id);
    }

    /**
     * Moves a round to the rules in force and the scorecard asked for (its own if none): an explicit change, recorded
     * with its reason, after which every report of the round is assessed again in the background. Returns the job.
     */
    public long rescore(long roundId, String scorecardId, String reason, String by) {
        RoundStore.Round round = round(roundId);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new Refused("请写明重新评分的原因 reason（2000 字以内）(a reason is required)");
        }
        Assessor assessor;
        try {
            assessor = assessments.assessor(scorecardId == null || scorecardId.isBlank() ? round.scorecardId() : scorecardId);
        } catch (AssessmentService.UnknownScorecard e) {
            throw new Refused(e.getMessage());
        }
        RulesetFiles files = activation.filesInForce();
        long job = store.rescore(roundId, assessor.scorecard().id(), assessor.rules().version(), assessor.scorecard().label(),
                json.writeValueAsString(files.files()), reason.strip(), by);
        assessors.put(roundId, assessor);
        return job;
    }

    public RoundStore.Round round(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的评估轮次 (no such round)"));
    }

    /** The agencies a round expects, from a committee's list. */
    public int expect(long roundId, String fileName, byte[] bytes) {
        round(roundId);
        try {
            return store.expect(roundId, AgencyList.read(fileName, bytes));
        } catch (AgencyList.Invalid e) {
            throw new Refused(e.getMessage());
        }
    }

    /** The agencies a round expects, from the lines of a list a reviewer has looked at. */
    public int expect(long roundId, List<AgencyList.Entry> entries) {
        round(roundId);
        if (entries.isEmpty()) {
            throw new Refused("没有可以导入的单位 (no agencies to import)");
        }
        return store.expect(roundId, entries);
    }

    /**
     * Collects the reports of a round's agencies from the addresses its list gives (all of them, or those named) in
     * the background: a job whose items are fetched, kept and then scored. Returns the job.
     */
    public long collect(long roundId, List<Long> agencyIds, String by) {
        round(roundId);
        List<RoundStore.JobInput> items = new ArrayList<>();
        for (RoundStore.Expected e : store.expected(roundId)) {
            if (e.reportUrl() != null && (agencyIds == null || agencyIds.isEmpty() || agencyIds.contains(e.agencyId()))) {
                items.add(new RoundStore.JobInput(e.reportUrl().length() > 500 ? e.reportUrl().substring(0, 500) : e.reportUrl(),
                        null, e.name(), null, null, e.reportUrl()));
            }
        }
        if (items.isEmpty()) {
            throw new Refused("单位名单中没有报告地址：请在名单中加一列「报告地址」(no report addresses in the agency list)");
        }
        return store.createJob(roundId, by, items);
    }

    /**
     * The rules and scorecard frozen for a round: kept in memory once built; after a restart built again from the
     * files the round stored when it opened.
     */
    public Assessor assessor(long roundId) {
        return assessors.computeIfAbsent(roundId, id -> {
            RoundStore.Round round = round(id);
            RulesetFiles files = new RulesetFiles(json.readValue(store.filesJson(id), new TypeReference<Map<String, String>>() { }));
            return files.inFolder((dir, scorecardFile) -> {
                Validation v = Validation.of(dir, scorecardFile);
                if (!v.valid()) {
                    throw new IllegalStateException("评估轮次 " + id + " 的规则无法加载：" + v.problems());
                }
                Scorecard card = round.scorecardId().equals(v.scorecard().id()) ? v.scorecard()
                        : Scorecards.of(dir).get(round.scorecardId());
                if (card == null) {
                    card = assessments.scorecards().get(round.scorecardId());
                }
                return new Assessor(v.rules(), card == null ? v.scorecard() : card);
            });
        });
    }

    /** One uploaded file: its name and content. */
    public record Upload(String name, byte[] bytes) {
    }

    /**
     * The reports of a submission as a job's items: each file, each entry of a ZIP, with what a manifest
     * ({@code manifest.csv} or {@code 清单.csv}: 文件名, 单位名称, 发布日期) says of it. A file that cannot be
     * unpacked is an item that failed, with its reason.
     */
    public long submit(long roundId, List<Upload> uploads, String by) {
        round(roundId);
        List<Upload> reports = new ArrayList<>();
        List<RoundStore.JobInput> failed = new ArrayList<>();
        Manifest manifest = Manifest.NONE;
        for (Upload u : uploads) {
            if (u.bytes() == null || u.bytes().length == 0) {
                failed.add(new RoundStore.JobInput(name(u.name()), null, null, null, "文件为空 (empty file)"));
            } else if (isManifest(u.name())) {
                manifest = Manifest.read(u.name(), u.bytes());
            } else if (org.nianbao.reading.Readers.isArchive(u.bytes())) {
                for (Archives.Entry e : Archives.entries(u.bytes(), ReadingLimits.DEFAULT)) {
                    String entryName = name(u.name()) + "!/" + e.name();
                    if (e.error() != null) {
                        failed.add(new RoundStore.JobInput(entryName, null, null, null, e.error().getMessage()));
                    } else if (isManifest(e.name())) {
                        manifest = Manifest.read(e.name(), e.bytes());
                    } else {
                        reports.add(new Upload(entryName, e.bytes()));
                    }
                }
            } else {
                reports.add(new Upload(name(u.name()), u.bytes()));
            }
        }
        if (reports.isEmpty() && failed.isEmpty()) {
            throw new Refused("没有收到任何报告文件 (no report in the upload)");
        }
        List<RoundStore.JobInput> items = new ArrayList<>(failed);
        for (Upload r : reports) {
            Manifest.Line line = manifest.of(r.name());
            items.add(new RoundStore.JobInput(r.name(), r.bytes(), line == null ? null : line.agency(),
                    line == null ? null : line.publishedOn(), null));
        }
        return store.createJob(roundId, by, items);
    }

    private static String name(String name) {
        return name == null || name.isBlank() ? "report" : name.strip();
    }

    private static boolean isManifest(String name) {
        if (name == null) {
            return false;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
        for (String m : MANIFESTS) {
            if (base.equals(m)) {
                return true;
            }
        }
        return false;
    }

    public RoundStore.JobState job(long id) {
        return store.job(id).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的任务 (no such job)"));
    }

    /** Assigns a submission to an expected agency of the round (by the agency's id). */
    public void assign(long roundId, long submissionId, long agencyId) {
        round(roundId);
        if (store.expected(roundId).stream().noneMatch(e -> e.agencyId() == agencyId)) {
            throw new Refused("单位 " + agencyId + " 不在本轮的单位名单中 (agency not expected in this round)");
        }
        if (!store.assign(roundId, submissionId, agencyId)) {
            throw new NotFound("本轮没有编号为 " + submissionId + " 的提交 (no such submission)");
        }
    }
}
