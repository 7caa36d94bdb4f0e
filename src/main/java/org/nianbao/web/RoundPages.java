package org.nianbao.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.nianbao.export.RoundExport;
import org.nianbao.rounds.AgencyMatcher;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.Reviews;
import org.nianbao.rounds.RoundService;
import org.nianbao.rounds.RoundStatistics;
import org.nianbao.rounds.RoundStore;
import org.nianbao.submission.AssessmentService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The committee's pages for evaluation rounds (a {@code REVIEWER}'s): the rounds and the form that opens one; a
 * round at a glance — its counts, charts, the ranking sorted, filtered and searched, the reports left unmatched with
 * the agencies they most likely belong to — and its exports.
 */
@Controller
class RoundPages {

    private final RoundService rounds;
    private final RoundStore store;
    private final Ranking ranking;
    private final RoundStatistics statistics;
    private final Reviews reviews;
    private final AssessmentService assessments;

    RoundPages(RoundService rounds, RoundStore store, Ranking ranking, RoundStatistics statistics, Reviews reviews,
               AssessmentService assessments) {
        this.rounds = rounds;
        this.store = store;
        this.ranking = ranking;
        this.statistics = statistics;
        this.reviews = reviews;
        this.assessments = assessments;
    }

    @GetMapping("/rounds")
    String list(Model model) {
        model.addAttribute("rounds", store.list());
        model.addAttribute("scorecards", assessments.scorecards().all());
        model.addAttribute("year", LocalDate.now().getYear() - 1);
        return "rounds";
    }

    /** Opens a round from the form: its name, year, scorecard, region, and whether an error's dismissal takes two. */
    @PostMapping("/rounds")
    String open(@RequestParam(required = false) String name, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String scorecard, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "false") boolean secondReviewer, Principal who, RedirectAttributes redirect) {
        try {
            RoundStore.Round round = rounds.open(name, year, region, scorecard, who.getName(), secondReviewer);
            redirect.addFlashAttribute("message", "已开设「" + round.name() + "」。下一步：导入单位名单。");
            return "redirect:/rounds/" + round.id();
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
            return "redirect:/rounds";
        }
    }

    /** An unmatched report with the agencies it most likely belongs to. */
    record Unmatched(RoundStore.Submission submission, List<AgencyMatcher.Candidate> likely,
                     List<AgencyMatcher.Candidate> others) {
    }

    @GetMapping("/rounds/{id:\\d+}")
    String round(@PathVariable long id, @RequestParam(required = false) String group,
                 @RequestParam(required = false) String grade, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        RoundStore.Round round = rounds.round(id);
        List<Ranking.Row> rows = ranking.of(id);
        RoundStatistics.Statistics stats = statistics.of(id, rows);
        List<RoundStore.Expected> expected = store.expected(id);
        model.addAttribute("round", round);
        model.addAttribute("stats", stats);
        model.addAttribute("ranking", RankingView.of(rows, stats, new RankingView.Query(group, grade, q, sort, dir)));
        model.addAttribute("unmatched", unmatched(id, expected));
        model.addAttribute("withAddress", expected.stream().filter(e -> e.reportUrl() != null).count());
        model.addAttribute("changes", store.changes(id));
        model.addAttribute("scorecards", assessments.scorecards().all());
        model.addAttribute("crumbs", List.of(new CheckPages.Crumb("评估轮次", "/rounds"), new CheckPages.Crumb(round.name(), null)));
        return "round";
    }

    private List<Unmatched> unmatched(long roundId, List<RoundStore.Expected> expected) {
        AgencyMatcher matcher = new AgencyMatcher(expected.stream()
                .map(e -> new AgencyMatcher.Candidate(e.agencyId(), e.name(), e.aliases())).toList());
        List<AgencyMatcher.Candidate> everyone = expected.stream()
                .map(e -> new AgencyMatcher.Candidate(e.agencyId(), e.name(), e.aliases())).toList();
        // only each source's latest: a report handed in again replaces the one before
        Map<String, RoundStore.Submission> latest = new java.util.LinkedHashMap<>();
        store.submissions(roundId).stream().filter(s -> s.agencyId() == null).forEach(s -> latest.put(s.source(), s));
        return latest.values().stream().map(s -> {
            List<AgencyMatcher.Candidate> likely = matcher.likely(5, s.namedAgency(), s.source());
            return new Unmatched(s, likely, everyone.stream().filter(c -> !likely.contains(c)).toList());
        }).toList();
    }

    @GetMapping("/rounds/{id:\\d+}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
        RoundStore.Round round = rounds.round(id);
        List<Ranking.Row> rows = ranking.of(id);
        boolean csv = "csv".equals(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(round.name() + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(csv ? RoundExport.csv(rows) : RoundExport.xlsx(round, rows, RoundExport.dismissals(rows, reviews)));
    }
}
