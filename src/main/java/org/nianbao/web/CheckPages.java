package org.nianbao.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nianbao.assessment.Assessment;
import org.nianbao.reading.Readers;
import org.nianbao.reading.RejectedInput;
import org.nianbao.rounds.Reviews;
import org.nianbao.rounds.RoundService;
import org.nianbao.rounds.RoundStore;
import org.nianbao.rules.Evidence;
import org.nianbao.rules.Labels;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.nianbao.submission.AssessmentService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scoring a report on the page and reading the result: an agency checking its draft (a private result, reached by
 * its own link), or a committee member reading any stored assessment and deciding on its findings.
 *
 * <p>Scoring is post-redirect-get: the form posts the file, the answer sends the browser to the result's own
 * address ({@code /check/{link}}; a reviewer's to {@code /assessments/{id}}), so that reloading the result never
 * scores the report again. A ZIP's results wait in the session at {@code /check/batch/{key}}.
 */
@Controller
class CheckPages {

    private static final String BATCHES = "batches";

    private final AssessmentService service;
    private final AssessmentStore assessments;
    private final Reviews reviews;
    private final RoundStore rounds;
    private final org.nianbao.store.PrivateCheckRetention retention;

    CheckPages(AssessmentService service, AssessmentStore assessments, Reviews reviews, RoundStore rounds,
               org.nianbao.store.PrivateCheckRetention retention) {
        this.service = service;
        this.assessments = assessments;
        this.reviews = reviews;
        this.rounds = rounds;
        this.retention = retention;
    }

    /** How long a self-check scored without an account is kept, for the scoring page to say. */
    @org.springframework.web.bind.annotation.ModelAttribute("privateChecksKept")
    String privateChecksKept() {
        return retention.keepInWords();
    }

    @GetMapping("/")
    ModelAndView index() {
        return new ModelAndView("index", Map.of("scorecards", service.scorecards().all()));
    }

    /** One report of a ZIP scored on the page, as its results page lists it (kept in the session). */
    record BatchRow(String source, String agency, Integer year, Double score, String grade, Integer findings, String link,
                    String error) implements Serializable {
    }

    @PostMapping("/check")
    ModelAndView check(@RequestParam("file") MultipartFile file,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
                       @RequestParam(required = false) String level,
                       @RequestParam(required = false) String scorecard,
                       @RequestParam(required = false) MultipartFile previous,
                       Principal signedIn, HttpServletRequest request, HttpSession session) throws IOException {
        try {
            String chosenLevel = level == null || level.isBlank() ? null : level; // the form's 「按机关名称判断」
            String name = AssessmentController.checkedUpload(file, chosenLevel);
            AssessmentController.within("scorecard", scorecard, AssessmentController.MAX_SCORECARD);
            // a reviewer's report is stored for the committee; anyone else's is a private self-check
            Submitter submitter = Submitter.of(signedIn != null && request.isUserInRole("REVIEWER") ? signedIn.getName() : null);
            if (Readers.isArchive(file.getBytes())) { // a ZIP of reports: each scored on its own
                List<BatchRow> rows = new ArrayList<>();
                for (var s : service.storeAll(name, file.getBytes(),
                        AssessmentController.options(publishedOn, null, chosenLevel, null), scorecard, submitter)) {
                    Assessment a = s.item().assessment();
                    rows.add(a == null ? new BatchRow(s.item().source(), null, null, null, null, null, null, s.item().error())
                            : new BatchRow(s.item().source(), a.report().agency(), a.report().year(), a.score(), a.grade(),
                                    a.findings().size(), s.privateLink() != null ? "/check/" + s.privateLink()
                                    : "/assessments/" + a.id(), null));
                }
                return new ModelAndView("redirect:/check/batch/" + keep(session, name, rows));
            }
            Assessment a = service.assessAndStore(name, file.getBytes(),
                    AssessmentController.options(publishedOn, null, chosenLevel, previous), scorecard, submitter);
            return new ModelAndView(submitter.isPrivate() ? "redirect:/check/" + submitter.privateLink()
                    : "redirect:/assessments/" + a.id());
        } catch (RejectedInput e) {
            return refused(e.getMessage(), ApiErrors.statusOf(e));
        } catch (AssessmentController.BadRequest e) {
            return refused(e.getMessage(), org.springframework.http.HttpStatus.BAD_REQUEST);
        }
    }

    /** The scoring page again, saying why the report was not scored. */
    private ModelAndView refused(String message, org.springframework.http.HttpStatusCode status) {
        ModelAndView page = new ModelAndView("index", Map.of("error", message, "scorecards", service.scorecards().all()));
        page.setStatus(status);
        return page;
    }

    /** Keeps a ZIP's results in the session (the last five), under a key for their page. */
    @SuppressWarnings("unchecked")
    private static String keep(HttpSession session, String name, List<BatchRow> rows) {
        Map<String, Object[]> kept = (Map<String, Object[]>) session.getAttribute(BATCHES);
        LinkedHashMap<String, Object[]> next = new LinkedHashMap<>(kept == null ? Map.of() : kept);
        String key = UUID.randomUUID().toString().replace("-", "");
        next.put(key, new Object[] {name, new ArrayList<>(rows)});
        while (next.size() > 5) {
            next.remove(next.keySet().iterator().next());
        }
        session.setAttribute(BATCHES, next);
        return key;
    }

    @GetMapping("/check/batch/{key:[a-f0-9]{32}}")
    @SuppressWarnings("unchecked")
    ModelAndView batch(@PathVariable String key, HttpSession session) {
        Map<String, Object[]> kept = (Map<String, Object[]>) session.getAttribute(BATCHES);
        Object[] batch = kept == null ? null : kept.get(key);
        if (batch == null) {
            throw new AssessmentController.NotFound("这批评分结果已不在本次会话中：每份报告的结果仍可从它自己的链接打开 (no such batch)");
        }
        return new ModelAndView("batch", Map.of("name", batch[0], "items", batch[1]));
    }

    /** An anonymous self-check shown again, by the link its result page gave. */
    @GetMapping("/check/{link:[A-Za-z0-9]+}")
    ModelAndView checked(@PathVariable String link) {
        return assessments.privateSource(link).map(src -> result(src, link))
                .orElseThrow(() -> new AssessmentController.NotFound("没有这个评估结果链接 (no such assessment link)"));
    }

    /** A stored assessment shown to the committee (a {@code REVIEWER}), with its report as read and its reviews. */
    @GetMapping("/assessments/{id:\\d+}")
    ModelAndView stored(@PathVariable long id, Principal who) {
        AssessmentStore.Source src = assessments.source(id)
                .orElseThrow(() -> new AssessmentController.NotFound("没有编号为 " + id + " 的评估结果 (no such assessment)"));
        ModelAndView page = result(src, null);
        page.addObject("reviewable", true);
        page.addObject("decisions", reviews.decisions(id));
        page.addObject("dismissed", dismissed(reviews.dismissals(id)));
        page.addObject("secondReviewer", reviews.secondReviewer(id));
        page.addObject("me", who.getName());
        page.addObject("crumbs", crumbs(id, src.assessment()));
        return page;
    }

    /** A reviewer's decision on a finding, from the assessment's page: back to the finding with what came of it. */
    @PostMapping("/assessments/{id:\\d+}/reviews")
    String review(@PathVariable long id, @RequestParam String fingerprint, @RequestParam String decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Integer number,
                  Principal who, RedirectAttributes redirect) {
        try {
            Reviews.Decided done = reviews.decide(id, fingerprint, decision, reason, who.getName());
            redirect.addFlashAttribute("message", switch (done.state()) {
                case Reviews.PROPOSED -> "已提议驳回。本轮次规定，驳回错误类问题须由另一位评议人同意后才生效，得分暂不变。";
                case Reviews.DISMISSED -> "已驳回，不再扣分：现在得分 " + Numbers.INSTANCE.show(done.assessment().score()) + "，"
                        + done.assessment().grade() + "。";
                default -> "已确认这条问题。";
            });
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
        }
        return "redirect:/assessments/" + id + (number == null ? "" : "#f-" + number);
    }

    private ModelAndView result(AssessmentStore.Source src, String privateLink) {
        Assessment a = src.assessment().withId(src.id());
        ModelAndView page = new ModelAndView("result");
        page.addObject("a", a);
        page.addObject("privateLink", privateLink);
        page.addObject("view", ReportView.of(a, src.text(), ReportView.scorecardOf(a, service)));
        page.addObject("pdf", privateLink != null ? "/check/" + privateLink + ".pdf" : "/api/assessments/" + src.id() + ".pdf");
        page.addObject("reviewable", false);
        return page;
    }

    /** A dismissed finding as the page, the PDF and the workbook show it: struck through, with who, why and when. */
    record Dismissed(String message, String place, String check, Double deduction, List<String> trail) {
    }

    static List<Dismissed> dismissed(List<Reviews.Dismissal> dismissals) {
        return dismissals.stream().map(d -> new Dismissed(d.finding().message(),
                Labels.place(d.finding().evidence() == null ? Evidence.NONE : d.finding().evidence()),
                d.finding().check(), d.finding().deduction(), d.trailText())).toList();
    }

    /** Where an assessment stands: its round and agency, for the way back. */
    private List<Crumb> crumbs(long id, Assessment a) {
        List<Crumb> crumbs = new ArrayList<>();
        RoundStore.Placement placement = rounds.placementOf(id).orElse(null);
        RoundStore.Round round = placement == null ? null : rounds.find(placement.roundId()).orElse(null);
        if (round != null) {
            crumbs.add(new Crumb("评估轮次", "/rounds"));
            crumbs.add(new Crumb(round.name(), "/rounds/" + round.id()));
            if (placement.agencyId() != null) {
                String agency = rounds.expected(round.id()).stream().filter(e -> e.agencyId() == placement.agencyId())
                        .map(RoundStore.Expected::name).findFirst().orElse("单位");
                crumbs.add(new Crumb(agency, "/rounds/" + round.id() + "/agencies/" + placement.agencyId()));
            } else {
                crumbs.add(new Crumb("未匹配的报告", "/rounds/" + round.id() + "#unmatched"));
            }
        } else {
            crumbs.add(new Crumb("评估轮次", "/rounds"));
        }
        crumbs.add(new Crumb("评分结果", null));
        return crumbs;
    }

    /** A step of the way back: its label and address (null: the page itself). */
    record Crumb(String label, String href) {
    }
}
