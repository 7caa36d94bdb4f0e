package org.nianbao.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.nianbao.policy.ActivationRefused;
import org.nianbao.policy.ActivationService;
import org.nianbao.policy.CatalogueEntry;
import org.nianbao.policy.DryRuns;
import org.nianbao.policy.RuleCases;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.RulesetVersionStore;
import org.nianbao.policy.Validation;
import org.nianbao.store.AssessmentStore;
import org.nianbao.submission.AssessmentService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring method page, and the rules workbench where policy staff browse the catalogue, edit a rule file or
 * spreadsheet, validate it, try it on a year's stored reports, activate it with a reason, and roll back.
 */
@Controller
public class WorkbenchController {

    private final AssessmentService service;
    private final ActivationService activation;
    private final RulesetVersionStore versions;
    private final AssessmentStore assessments;
    private final DryRuns dryRuns;
    private final AssessmentPdf pdf;
    private final org.nianbao.store.ReviewStatistics reviewStatistics;

    public WorkbenchController(AssessmentService service, ActivationService activation, RulesetVersionStore versions,
                               AssessmentStore assessments, DryRuns dryRuns, AssessmentPdf pdf,
                               org.nianbao.store.ReviewStatistics reviewStatistics) {
        this.service = service;
        this.activation = activation;
        this.versions = versions;
        this.assessments = assessments;
        this.dryRuns = dryRuns;
        this.pdf = pdf;
        this.reviewStatistics = reviewStatistics;
    }

    /**
     * Whether the signed-in account edits rules (EDITOR): only then do the pages offer to save, activate or roll
     * back; a reviewer sees the catalogue, the files and the history read-only (the server refuses them anyway).
     */
    @org.springframework.web.bind.annotation.ModelAttribute("canEdit")
    boolean canEdit(jakarta.servlet.http.HttpServletRequest request) {
        return request.isUserInRole("EDITOR");
    }

    /** What an activation asks of the person activating, on the page and as the server requires it. */
    static final String CONFIRM = "确定启用？启用后所有新评分都用这些规则";

    /** The scoring method in force, as a printable page (the same as {@code GET /api/rules/method}). */
    @GetMapping("/method")
    public String method(Model model) {
        model.addAttribute("method", methodInForce());
        return "method";
    }

    /** The same scoring method as a PDF on A4 ({@code /method?format=pdf}), open to anyone like the page. */
    @GetMapping(path = "/method", params = "format=pdf")
    public ResponseEntity<byte[]> methodPdf() {
        org.nianbao.policy.ScoringMethod method = methodInForce();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename("评分办法-" + method.ruleset() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(method));
    }

    private org.nianbao.policy.ScoringMethod methodInForce() {
        var assessor = service.assessor();
        return org.nianbao.policy.ScoringMethod.of(assessor.rules(), assessor.scorecard());
    }

    @GetMapping("/workbench")
    public String workbench(@RequestParam(required = false) String q, Model model) {
        var assessor = service.assessor();
        var tests = activation.testsInForce();
        List<RuleCases.Result> failed = tests.stream().filter(t -> !t.passed()).toList();
        model.addAttribute("rulesetVersion", assessor.rules().version());
        // every activation (rules or scorecard) is a new number in the history
        model.addAttribute("versionNumber", versions.history().stream().filter(RulesetVersionStore.Version::active)
                .map(RulesetVersionStore.Version::id).findFirst().orElse(null));
        model.addAttribute("categoryNames", assessor.scorecard().categories().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name(), (x, y) -> x)));
        model.addAttribute("scorecard", assessor.scorecard().label());
        List<CatalogueEntry> catalogue = CatalogueEntry.of(assessor.rules().rules(), assessor.scorecard());
        String query = q == null ? "" : q.strip();
        model.addAttribute("ruleCount", catalogue.size());
        model.addAttribute("q", query);
        model.addAttribute("catalogue", query.isEmpty() ? catalogue
                : catalogue.stream().filter(r -> matches(r, query)).toList());
        model.addAttribute("reviewed", reviewStatistics.byRule());
        model.addAttribute("files", new java.util.TreeSet<>(activation.filesInForce().ruleFiles().keySet()));
        model.addAttribute("versions", versions.history());
        model.addAttribute("tests", tests);
        model.addAttribute("testFiles", activation.filesInForce().files().keySet().stream()
                .filter(f -> RulesetFiles.isTestFile(f) && f.endsWith(".yaml"))
                .map(f -> f.substring("tests/".length())).sorted().toList());
        model.addAttribute("testsPassed", tests.size() - failed.size());
        model.addAttribute("testsFailed", failed.size());
        model.addAttribute("failedTests", failed);
        return "workbench";
    }

    /** The year a dry run opens on: the latest year stored reports are of (else last year). */
    private int defaultYear() {
        return assessments.latestYear().orElse(LocalDate.now().getYear() - 1);
    }

    /** Whether a rule of the catalogue has {@code query} in its id, check, check's name, description or file. */
    private static boolean matches(CatalogueEntry rule, String query) {
        String q = query.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(rule.id(), rule.check(), rule.checkName(), rule.description(),
                        rule.file() + ":" + rule.line())
                .anyMatch(f -> f != null && f.toLowerCase(java.util.Locale.ROOT).contains(q));
    }

    /** A rule test file (under {@code tests/}), edited like a rule file: its cases run when it is activated. */
    @GetMapping("/workbench/tests/{file}")
    public String testFile(@PathVariable String file, Model model) {
        return file("tests/" + file, model);
    }

    @PostMapping("/workbench/tests/{file}")
    public ModelAndView editTestFile(@PathVariable String file, @RequestParam String action,
                                     @RequestParam(required = false) String content,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String reason,
                                     @RequestParam(required = false) String confirmed,
                                     Principal signedIn) throws IOException {
        return edit("tests/" + file, action, content, null, year, reason, confirmed, signedIn);
    }

    /** Where a file's form posts: its own address under files/ or tests/. */
    private static String formAction(String name) {
        return name.startsWith("tests/") ? "/workbench/tests/" + name.substring("tests/".length())
                : "/workbench/files/" + name;
    }

    @GetMapping("/workbench/files/{name}")
    public String file(@PathVariable String name, Model model) {
        String stored = storedContent(name);
        model.addAttribute("name", name);
        model.addAttribute("formAction", formAction(name));
        model.addAttribute("spreadsheet", stored.startsWith("base64:"));
        model.addAttribute("content", stored.startsWith("base64:") ? "" : stored);
        model.addAttribute("year", defaultYear());
        model.addAttribute("problemLines", "");
        return "file";
    }

    /** The scorecard in force as a spreadsheet, to edit in Excel and upload again. */
    @GetMapping("/workbench/scorecard.xlsx")
    public ResponseEntity<byte[]> scorecardSheet() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=scorecard.xlsx")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(org.nianbao.scoring.ScorecardSheets.write(service.assessor().scorecard()));
    }

    @GetMapping("/workbench/files/{name}/download")
    public ResponseEntity<byte[]> download(@PathVariable String name) {
        String stored = storedContent(name);
        byte[] bytes = stored.startsWith("base64:") ? Base64.getDecoder().decode(stored.substring(7))
                : stored.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes);
    }

    /** Validate, try on a year's stored reports, or activate an edited file (text or uploaded spreadsheet). */
    @PostMapping("/workbench/files/{name}")
    public ModelAndView edit(@PathVariable String name, @RequestParam String action,
                             @RequestParam(required = false) String content,
                             @RequestParam(required = false) MultipartFile upload,
                             @RequestParam(required = false) Integer year,
                             @RequestParam(required = false) String reason,
                             @RequestParam(required = false) String confirmed,
                             Principal signedIn) throws IOException {
        String stored = storedContent(name);
        boolean spreadsheet = stored.startsWith("base64:");
        String edited = edited(name, stored, content, upload);
        RulesetFiles candidate = activation.candidate(Map.of(name, edited));
        ModelAndView page = new ModelAndView("file");
        page.addObject("name", name);
        page.addObject("formAction", formAction(name));
        page.addObject("spreadsheet", spreadsheet);
        page.addObject("content", spreadsheet ? "" : edited);
        page.addObject("year", year == null ? defaultYear() : year);
        page.addObject("reason", reason); // typed once, kept through validate, dry run and activate
        page.addObject("problemLines", "");
        try {
            switch (action) {
                case "validate" -> {
                    Validation v = activation.validate(candidate);
                    page.addObject("problems", v.problems());
                    page.addObject("problemLines", problemLines(name, v.problems()));
                    page.addObject("failedTests", List.of());
                    if (!v.valid()) {
                        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                }
                case "dry-run" -> page.addObject("runs", activation.dryRun(candidate,
                        year == null ? defaultYear() : year, service.assessor(), assessments));
                case "activate" -> {
                    if (reason == null || reason.isBlank()) {
                        page.addObject("problems", List.of(new org.nianbao.rules.RuleProblem(name, 0, "启用须填写原因")));
                        page.addObject("failedTests", List.of());
                        page.setStatus(HttpStatus.BAD_REQUEST);
                    } else if (!"yes".equals(confirmed)) {
                        // not confirmed: nothing is activated; what would refuse it anyway is told first
                        Validation v = activation.validate(candidate);
                        page.addObject("problems", v.valid()
                                ? List.of(new org.nianbao.rules.RuleProblem(name, 0, "启用前请勾选「我已核对试算结果」：" + CONFIRM))
                                : v.problems());
                        page.addObject("problemLines", problemLines(name, v.problems()));
                        page.addObject("failedTests", List.of());
                        page.setStatus(v.valid() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT);
                    } else {
                        page.addObject("activated", activation.activate(candidate, signedIn.getName(), reason.strip()));
                    }
                }
                default -> throw new AssessmentController.BadRequest("未知的操作 " + action);
            }
        } catch (ActivationRefused e) {
            page.addObject("problems", e.problems());
            page.addObject("problemLines", problemLines(name, e.problems()));
            page.addObject("failedTests", e.failedTests());
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return page;
    }

    /** The file as edited: the text from the editor, or the uploaded spreadsheet. */
    private static String edited(String name, String stored, String content, MultipartFile upload) throws IOException {
        boolean uploaded = upload != null && !upload.isEmpty();
        if (stored.startsWith("base64:")) {
            return uploaded ? RulesetFiles.content(name, upload.getBytes()) : stored;
        }
        if (uploaded && name.equals(RulesetFiles.SCORECARD)) {
            return RulesController.scorecardText(upload); // the scorecard edited as a spreadsheet
        }
        return content == null ? stored : content.replace("\r\n", "\n");
    }

    /**
     * Starts a dry run of an edited file in the background and answers at once (202): the page follows its progress
     * at {@code progress} and shows {@code result} when it is done. Without scripts the form's own dry run answers.
     */
    @PostMapping(path = "/workbench/files/{name}/dry-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> startDryRun(@PathVariable String name,
                                                           @RequestParam(required = false) String content,
                                                           @RequestParam(required = false) MultipartFile upload,
                                                           @RequestParam(required = false) Integer year,
                                                           Principal signedIn) throws IOException {
        RulesetFiles candidate = activation.candidate(Map.of(name, edited(name, storedContent(name), content, upload)));
        int of = year == null ? defaultYear() : year;
        var inForce = service.assessor();
        DryRuns.Run run = dryRuns.start(signedIn.getName(),
                progress -> activation.dryRun(candidate, of, inForce, assessments, progress));
        String at = "/workbench/dry-runs/" + run.id();
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, at)
                .body(Map.of("id", run.id(), "progress", at, "result", at + "/result?year=" + of));
    }

    /** How far a dry run has got: {@code state}, {@code total} (-1 until counted) and {@code done}. */
    @GetMapping(path = "/workbench/dry-runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    public Map<String, Object> dryRunProgress(@PathVariable String id, Principal signedIn) {
        DryRuns.Run run = dryRun(id, signedIn);
        return Map.of("state", run.state(), "total", run.total(), "done", run.done());
    }

    /** A finished dry run's table, as the part of the file page that shows it. */
    @GetMapping("/workbench/dry-runs/{id}/result")
    public ModelAndView dryRunResult(@PathVariable String id, @RequestParam(required = false) Integer year,
                                     Principal signedIn) {
        DryRuns.Run run = dryRun(id, signedIn);
        if (run.result() == null) {
            throw new AssessmentController.NotFound("试算尚未完成或未能完成 (" + run.state() + ")");
        }
        ModelAndView part = new ModelAndView("file :: runs");
        part.addObject("runs", run.result());
        part.addObject("year", year == null ? defaultYear() : year);
        return part;
    }

    private DryRuns.Run dryRun(String id, Principal signedIn) {
        return dryRuns.find(id, signedIn.getName())
                .orElseThrow(() -> new AssessmentController.NotFound("没有这次试算（或已过期）：" + id));
    }

    /** The lines of this file that problems were reported at, for the editor's markers ("27,304"). */
    private static String problemLines(String name, List<org.nianbao.rules.RuleProblem> problems) {
        List<org.nianbao.rules.RuleProblem> mine = problems.stream().filter(p -> name.equals(p.file()) && p.line() > 0).toList();
        // the mistakes told in Chinese are at their cause; the parser's own lines only when nothing else is known
        List<org.nianbao.rules.RuleProblem> told = mine.stream()
                .filter(p -> !org.nianbao.rules.SyntaxHints.isParserMessage(p.message())).toList();
        return (told.isEmpty() ? mine : told).stream().map(p -> Integer.toString(p.line())).distinct()
                .collect(java.util.stream.Collectors.joining(","));
    }

    @PostMapping("/workbench/versions/{id}/activate")
    public String reactivate(@PathVariable long id, @RequestParam String reason,
                             @RequestParam(required = false) String confirmed, Principal signedIn,
                             RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("error", "重新启用须填写原因");
            return "redirect:/workbench";
        }
        if (!"yes".equals(confirmed)) {
            redirect.addFlashAttribute("error", "重新启用版本 #" + id + " 前请勾选确认：" + CONFIRM);
            return "redirect:/workbench";
        }
        try {
            var done = activation.reactivate(id, signedIn.getName(), reason.strip());
            redirect.addFlashAttribute("message", "已重新启用版本 #" + id + "（规则版本 " + done.version() + "）");
        } catch (ActivationRefused | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workbench";
    }

    private String storedContent(String name) {
        String stored = activation.filesInForce().files().get(name);
        if (stored == null) {
            throw new AssessmentController.NotFound("当前启用的规则中没有文件 " + name);
        }
        return stored;
    }
}
