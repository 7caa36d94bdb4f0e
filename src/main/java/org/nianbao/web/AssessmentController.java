package org.nianbao.web;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.export.Exports;
import org.nianbao.reading.Readers;
import org.nianbao.reading.RejectedInput;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.nianbao.submission.AssessmentService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assess a report, fetch an assessment, list assessments. Anyone may have a report assessed; what a signed-in account
 * hands in is stored for the committee, and an anonymous self-check is private, shown only through its own link.
 */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    private final AssessmentService service;
    private final AssessmentStore store;

    public AssessmentController(AssessmentService service, AssessmentStore store) {
        this.service = service;
        this.store = store;
    }

    /**
     * {@code POST /api/assessments} (multipart {@code file}; optional {@code publishedOn}, {@code agency}, {@code level},
     * {@code facts}, {@code scorecard}, and {@code previous}: last year's report, for the cross-year checks).
     */
    @PostMapping(consumes = "multipart/form-data")
    public ResponseEntity<Assessment> assess(@RequestParam("file") MultipartFile file,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
                                             @RequestParam(required = false) String agency,
                                             @RequestParam(required = false) String level,
                                             @RequestParam(defaultValue = "false") boolean facts,
                                             @RequestParam(required = false) String scorecard,
                                             @RequestParam(required = false) MultipartFile previous,
                                             Principal signedIn) throws IOException {
        String name = checkedUpload(file, level);
        within("agency", agency, MAX_AGENCY);
        within("scorecard", scorecard, MAX_SCORECARD);
        AssessmentOptions options = options(publishedOn, agency, level, previous);
        Submitter submitter = Submitter.of(signedIn == null ? null : signedIn.getName());
        Assessment assessment = service.assessAndStore(name, file.getBytes(), options, scorecard, submitter);
        URI location = URI.create(submitter.isPrivate() ? "/api/assessments/private/" + submitter.privateLink()
                : "/api/assessments/" + assessment.id());
        return ResponseEntity.created(location).body(facts ? assessment : assessment.withoutFacts());
    }

    /** {@code GET /api/assessments/private/{link}}: an anonymous self-check, by the link its answer gave. */
    @GetMapping("/private/{link}")
    public ObjectNode getPrivate(@PathVariable String link, @RequestParam(defaultValue = "false") boolean facts) {
        return store.findPrivate(link, facts).orElseThrow(() -> new NotFound("没有这个评估结果链接 (no such assessment link)"));
    }

    /**
     * {@code POST /api/assessments/batch} (multipart {@code file}: a ZIP archive of reports, or one report):
     * every entry assessed and stored; an entry that cannot be read is listed with its {@code error}.
     */
    @PostMapping(path = "/batch", consumes = "multipart/form-data")
    public List<Object> batch(@RequestParam("file") MultipartFile file,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
                              @RequestParam(required = false) String level,
                              @RequestParam(required = false) String scorecard,
                              Principal signedIn) throws IOException {
        String name = checkedUpload(file, level);
        within("scorecard", scorecard, MAX_SCORECARD);
        List<Object> results = new ArrayList<>();
        for (var item : service.assessAndStoreAll(name, file.getBytes(), new AssessmentOptions(publishedOn, null, level),
                scorecard, Submitter.account(signedIn.getName()))) {
            results.add(item.failed() ? Map.of("source", item.source(), "error", item.error())
                    : item.assessment().withoutFacts());
        }
        return results;
    }

    /**
     * {@code GET /api/assessments/export?year=2023&format=xlsx|csv}: the year's stored reports ranked by grade, then score, one row
     * each (and, in the workbook, a sheet of every finding) for the evaluation committee.
     */
    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam int year, @RequestParam(defaultValue = "xlsx") String format) {
        var card = service.assessor().scorecard();
        List<String> categories = card.categories().stream().map(c -> c.id()).toList();
        List<Exports.Item> items = store.ranking(year, card.grades().stream().map(g -> g.grade()).toList()).stream()
                .map(Exports.Item::of).toList();
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .header("Content-Disposition", "attachment; filename=assessments-" + year + ".csv")
                    .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(Exports.csv(items, categories).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "xlsx" -> ResponseEntity.ok()
                    .header("Content-Disposition", "attachment; filename=assessments-" + year + ".xlsx")
                    .contentType(org.springframework.http.MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(Exports.xlsx(items, categories));
            default -> throw new BadRequest("format 只能是 xlsx 或 csv (invalid format)");
        };
    }

    @GetMapping("/{id}")
    public ObjectNode get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean facts) {
        return store.find(id, facts).orElseThrow(() -> new NotFound("没有编号为 " + id + " 的评估结果 (no such assessment)"));
    }

    @GetMapping
    public List<AssessmentStore.Summary> list(@RequestParam(required = false) Integer year,
                                              @RequestParam(required = false) String agency) {
        return store.list(year, agency == null || agency.isBlank() ? null : agency);
    }

    /** What the submitter told about a report; last year's report, when uploaded, is read for the cross-year checks. */
    static AssessmentOptions options(LocalDate publishedOn, String agency, String level, MultipartFile previous)
            throws IOException {
        AssessmentOptions options = new AssessmentOptions(publishedOn, agency, level);
        if (previous != null && !previous.isEmpty()) {
            within("previous 的文件名", previous.getOriginalFilename(), MAX_FILE_NAME);
            options = options.withPreviousYear(Readers.read(previous.getOriginalFilename(), previous.getBytes()));
        }
        return options;
    }

    /** The longest agency name a form may give: as long as the stored column. */
    static final int MAX_AGENCY = 200;
    /** The longest scorecard id a form may give. */
    static final int MAX_SCORECARD = 100;
    /** The longest file name of an upload (a report in an archive is stored as {@code archive!/entry}, 500 at most). */
    static final int MAX_FILE_NAME = 255;

    /** The upload's file name, after refusing an empty file, an unknown level or a name too long to keep. */
    static String checkedUpload(MultipartFile file, String level) {
        if (level != null && !org.nianbao.report.Report.isLevel(level)) {
            throw new BadRequest("level 只能是 government、department 或 township (invalid level)");
        }
        if (file.isEmpty()) {
            throw RejectedInput.empty();
        }
        String name = file.getOriginalFilename();
        within("文件名", name, MAX_FILE_NAME);
        return name == null || name.isBlank() ? "upload" : name;
    }

    /** Refuses a form field longer than {@code max} characters (400, saying which field and its limit). */
    static void within(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new BadRequest("%s 过长：%d 个字符，最多 %d 个 (%s is too long)".formatted(field, value.length(), max,
                    field.chars().allMatch(c -> c < 128) ? field : "a field"));
        }
    }

    /** A request that cannot be answered as asked. */
    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
