package org.nianbao.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nianbao.assessment.AssessmentService;
import org.nianbao.assessment.NianbaoProperties;
import org.nianbao.policy.CatalogueEntry;
import org.nianbao.policy.Validation;
import org.nianbao.rules.RuleProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rule catalogue, and validation of rule files before they are used. */
@RestController
@RequestMapping("/api/rules")
public class RulesController {

    private static final List<String> RULE_FILES = List.of(".drl", ".yaml", ".yml");

    private final AssessmentService service;
    private final NianbaoProperties properties;

    public RulesController(AssessmentService service, NianbaoProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** Every rule of the active ruleset: id, check, category, severity, points, description, file and line. */
    @GetMapping
    public Map<String, Object> catalogue() {
        var assessor = service.assessor();
        return Map.of("ruleset", assessor.rules().version(), "scorecard", assessor.scorecard().label(),
                "rules", CatalogueEntry.of(assessor.rules().rules(), assessor.scorecard()));
    }

    /**
     * {@code POST /api/rules/validate}: multipart {@code files} (rule files: .drl, statements.yaml) and an optional
     * {@code scorecard}; 200 when they are valid, 422 with every problem (file, line, message) when not.
     */
    @PostMapping(path = "/validate", consumes = "multipart/form-data")
    public ResponseEntity<Map<String, Object>> validate(@RequestParam("files") List<MultipartFile> files,
                                                        @RequestParam(required = false) MultipartFile scorecard) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rules-");
            for (MultipartFile f : files) {
                String name = Path.of(f.getOriginalFilename() == null ? "" : f.getOriginalFilename()).getFileName().toString();
                if (RULE_FILES.stream().noneMatch(name::endsWith)) {
                    throw new AssessmentController.BadRequest("只接受 .drl 规则文件和 statements.yaml（%s）(not a rule file)".formatted(name));
                }
                f.transferTo(dir.resolve(name));
            }
            Path card = properties.scorecard();
            if (scorecard != null && !scorecard.isEmpty()) {
                card = dir.resolve("scorecard.upload.yaml");
                scorecard.transferTo(card);
            }
            Validation v = Validation.of(dir, card);
            if (v.valid()) {
                return ResponseEntity.ok(Map.of("valid", true, "rules", v.rules().rules().size(),
                        "version", v.rules().version(), "scorecard", v.scorecard().label()));
            }
            List<RuleProblem> problems = v.problems();
            return ResponseEntity.unprocessableContent().body(Map.of("valid", false, "problems", problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
