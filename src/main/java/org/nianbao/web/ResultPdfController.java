package org.nianbao.web;

import java.nio.charset.StandardCharsets;
import org.nianbao.assessment.Assessment;
import org.nianbao.store.AssessmentStore;
import org.nianbao.submission.AssessmentService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An assessment as a PDF to print or hand on: a stored one (for a {@code REVIEWER}), or a self-check by its link. */
@RestController
class ResultPdfController {

    private final AssessmentStore assessments;
    private final AssessmentService service;
    private final AssessmentPdf pdf;
    private final org.nianbao.rounds.Reviews reviews;

    ResultPdfController(AssessmentStore assessments, AssessmentService service, AssessmentPdf pdf,
                        org.nianbao.rounds.Reviews reviews) {
        this.assessments = assessments;
        this.service = service;
        this.pdf = pdf;
        this.reviews = reviews;
    }

    /** A stored assessment, with the findings reviewers dismissed, struck through, and the dismissals still waiting. */
    @GetMapping("/api/assessments/{id:\\d+}.pdf")
    ResponseEntity<byte[]> stored(@PathVariable long id) {
        AssessmentStore.Source src = assessments.source(id)
                .orElseThrow(() -> new AssessmentController.NotFound("没有编号为 " + id + " 的评估结果 (no such assessment)"));
        java.util.Map<String, org.nianbao.rounds.Reviews.Review> pending = new java.util.HashMap<>(reviews.decisions(id));
        pending.values().removeIf(r -> !org.nianbao.rounds.Reviews.PROPOSED.equals(r.decision()));
        return render(src, CheckPages.dismissed(reviews.dismissals(id)), pending);
    }

    @GetMapping("/check/{link:[A-Za-z0-9]+}.pdf")
    ResponseEntity<byte[]> selfCheck(@PathVariable String link) {
        return assessments.privateSource(link).map(src -> render(src, java.util.List.of(), null))
                .orElseThrow(() -> new AssessmentController.NotFound("没有这个评估结果链接 (no such assessment link)"));
    }

    private ResponseEntity<byte[]> render(AssessmentStore.Source src, java.util.List<CheckPages.Dismissed> dismissed,
                                          java.util.Map<String, org.nianbao.rounds.Reviews.Review> pending) {
        Assessment a = src.assessment().withId(src.id());
        byte[] body = pdf.render(a, ReportView.of(a, src.text(), ReportView.scorecardOf(a, service)), dismissed, pending);
        String name = (a.report().agency() == null ? "评分结果" : a.report().agency())
                + (a.report().year() == null ? "" : a.report().year() + "年度") + "年报评分.pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
