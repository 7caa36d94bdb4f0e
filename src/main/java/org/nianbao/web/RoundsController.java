package org.nianbao.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.export.RoundExport;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.RoundJobs;
import org.nianbao.rounds.RoundService;
import org.nianbao.rounds.RoundStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evaluation rounds for committees (a {@code REVIEWER}'s work): open a round, give the agencies it expects, hand
 * in reports (scored in the background as a job), follow the job, assign reports that matched no agency, and
 * read or export the ranking.
 */
@RestController
class RoundsController {

    private final RoundService rounds;
    private final RoundStore store;
    private final RoundJobs jobs;
    private final Ranking ranking;
    private final org.nianbao.rounds.RoundStatistics statistics;
    private final org.nianbao.rounds.Reviews reviews;

    RoundsController(RoundService rounds, RoundStore store, RoundJobs jobs, Ranking ranking,
                     org.nianbao.rounds.RoundStatistics statistics, org.nianbao.rounds.Reviews reviews) {
        this.reviews = reviews;
        this.rounds = rounds;
        this.store = store;
        this.jobs = jobs;
        this.ranking = ranking;
        this.statistics = statistics;
    }

    /**
     * A round to open: its name, the year it evaluates, and optionally the scorecard, region and whether dismissing an
     * error takes a second reviewer (yes unless {@code false}).
     */
    record NewRound(String name, Integer year, String scorecard, String region, Boolean secondReviewer) {
    }

    /** A round with how far it has come. */
    record RoundView(long id, String name, int year, String region, String scorecard, String rulesetVersion,
                     String scorecardVersion, String createdBy, String createdAt, int expected, int submissions,
                     int unmatched, boolean secondReviewer) {
    }

    @PostMapping(path = "/api/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RoundView> open(@RequestBody(required = false) NewRound request, Principal who) {
        if (request == null) {
            throw new RoundService.Refused("请以 JSON 给出 name 和 year (send JSON with name and year)");
        }
        RoundStore.Round round = rounds.open(request.name(), request.year(), request.region(), request.scorecard(), who.getName(),
                !Boolean.FALSE.equals(request.secondReviewer()));
        return ResponseEntity.created(URI.create("/api/rounds/" + round.id())).body(view(round));
    }

    @GetMapping("/api/rounds")
    List<RoundView> list() {
        return store.list().stream().map(this::view).toList();
    }

    @GetMapping("/api/rounds/{id}")
    RoundView get(@PathVariable long id) {
        return view(rounds.round(id));
    }

    private RoundView view(RoundStore.Round r) {
        List<RoundStore.Submission> submissions = store.submissions(r.id());
        return new RoundView(r.id(), r.name(), r.year(), r.region(), r.scorecardId(), r.rulesetVersion(),
                r.scorecardVersion(), r.createdBy(), r.createdAt().toString(), store.expected(r.id()).size(),
                submissions.size(), (int) submissions.stream().filter(s -> s.agencyId() == null).count(), r.secondReviewer());
    }

    @PostMapping(path = "/api/rounds/{id}/agencies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> agencies(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        int count = rounds.expect(id, file.getOriginalFilename(), bytes(file));
        return Map.of("round", id, "expected", store.expected(id).size(), "read", count);
    }

    @GetMapping("/api/rounds/{id}/agencies")
    List<RoundStore.Expected> expected(@PathVariable long id) {
        rounds.round(id);
        return store.expected(id);
    }

    /** A job as the client follows it. */
    record JobView(long id, long round, String state, int total, int done, int failed) {
        static JobView of(RoundStore.JobState j) {
            return new JobView(j.id(), j.roundId(), j.state(), j.total(), j.done(), j.failed());
        }
    }

    @PostMapping(path = "/api/rounds/{id}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobView> submit(@PathVariable long id, @RequestParam("file") List<MultipartFile> files,
                                   @RequestParam(required = false) MultipartFile manifest, Principal who) {
        List<RoundService.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files) {
            uploads.add(new RoundService.Upload(f.getOriginalFilename(), bytes(f)));
        }
        if (manifest != null && !manifest.isEmpty()) {
            uploads.add(new RoundService.Upload("manifest.csv", bytes(manifest)));
        }
        long job = rounds.submit(id, uploads, who.getName());
        jobs.start(job);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job)).body(JobView.of(rounds.job(job)));
    }

    /** Which agencies' reports to collect from their addresses (all that have one if none named). */
    record Collect(List<Long> agencyIds) {
    }

    @PostMapping(path = "/api/rounds/{id}/collect")
    ResponseEntity<JobView> collect(@PathVariable long id, @RequestBody(required = false) Collect c, Principal who) {
        long job = rounds.collect(id, c == null ? null : c.agencyIds(), who.getName());
        jobs.start(job);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job)).body(JobView.of(rounds.job(job)));
    }

    /** The round at a glance: counts, grades, category averages, the checks most often failed, the change from last year. */
    @GetMapping("/api/rounds/{id}/statistics")
    org.nianbao.rounds.RoundStatistics.Statistics statistics(@PathVariable long id) {
        rounds.round(id);
        return statistics.of(id, ranking.of(id));
    }

    /** A re-score: the scorecard to move to (the round's own if none) and why. */
    record Rescore(String scorecard, String reason) {
    }

    @PostMapping(path = "/api/rounds/{id}/rescore", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> rescore(@PathVariable long id, @RequestBody(required = false) Rescore r, Principal who) {
        if (r == null) {
            throw new RoundService.Refused("请以 JSON 给出 reason，可选 scorecard (send JSON with reason)");
        }
        long job = rounds.rescore(id, r.scorecard(), r.reason(), who.getName());
        jobs.start(job);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job)).body(JobView.of(rounds.job(job)));
    }

    @GetMapping("/api/rounds/{id}/changes")
    List<RoundStore.Change> changes(@PathVariable long id) {
        rounds.round(id);
        return store.changes(id);
    }

    @GetMapping("/api/jobs/{id}")
    JobView job(@PathVariable long id) {
        return JobView.of(rounds.job(id));
    }

    @GetMapping("/api/rounds/{id}/submissions")
    List<RoundStore.Submission> submissions(@PathVariable long id) {
        rounds.round(id);
        return store.submissions(id);
    }

    /** The agency a reviewer assigns a report to. */
    record Assignment(Long agencyId) {
    }

    @PostMapping(path = "/api/rounds/{id}/submissions/{submission}/agency", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assign(@PathVariable long id, @PathVariable long submission, @RequestBody(required = false) Assignment a) {
        if (a == null || a.agencyId() == null) {
            throw new RoundService.Refused("请以 JSON 给出 agencyId (send JSON with agencyId)");
        }
        rounds.assign(id, submission, a.agencyId());
        return Map.of("round", id, "submission", submission, "agencyId", a.agencyId());
    }

    /** A ranking row as the API gives it (the findings themselves are in each assessment). */
    record RankingRow(Integer rank, Long agencyId, String agency, String level, String group, Double score, String grade,
                      List<Ranking.CategoryScore> categories, Integer findings, Integer openReviews, String status,
                      Long assessmentId, String source, String error) {
    }

    @GetMapping("/api/rounds/{id}/ranking")
    List<RankingRow> ranking(@PathVariable long id) {
        rounds.round(id);
        return ranking.of(id).stream().map(r -> new RankingRow(r.rank(), r.agencyId(), r.agency(), r.level(), r.group(),
                r.score(), r.grade(), r.categories(), r.findings(), r.openReviews(), r.status(), r.assessmentId(), r.source(),
                r.error())).toList();
    }

    @GetMapping("/api/rounds/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
        RoundStore.Round round = rounds.round(id);
        List<Ranking.Row> rows = ranking.of(id);
        String base = "round-" + id;
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(base + ".csv"))
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(RoundExport.csv(rows));
            case "xlsx" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(base + ".xlsx"))
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(RoundExport.xlsx(round, rows, RoundExport.dismissals(rows, reviews)));
            default -> throw new RoundService.Refused("format 应为 xlsx 或 csv (format must be xlsx or csv)");
        };
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
