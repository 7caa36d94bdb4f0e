package org.nianbao.web;

import java.util.Map;
import org.nianbao.submission.AssessmentService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scorecards kept side by side; one is chosen per request with {@code scorecard=ID}. */
@RestController
@RequestMapping("/api/scorecards")
public class ScorecardsController {

    private final AssessmentService service;

    public ScorecardsController(AssessmentService service) {
        this.service = service;
    }

    @GetMapping
    public Map<String, Object> scorecards() {
        var list = service.scorecards().all().stream()
                .map(c -> Map.of("id", c.id(), "name", c.name(), "version", c.label())).toList();
        return Map.of("inForce", service.assessor().scorecard().label(), "scorecards", list,
                "problems", service.scorecards().problems());
    }
}
