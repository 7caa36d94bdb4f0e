package org.nianbao.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.Reviews;
import org.nianbao.rounds.RoundService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reviewer's decisions on findings (a {@code REVIEWER}'s work): what to review in an assessment or a whole
 * round, and a finding confirmed or dismissed with a reason — the score recomputed at once.
 */
@RestController
class ReviewsController {

    private final Reviews reviews;
    private final RoundService rounds;
    private final Ranking ranking;

    ReviewsController(Reviews reviews, RoundService rounds, Ranking ranking) {
        this.reviews = reviews;
        this.rounds = rounds;
        this.ranking = ranking;
    }

    /**
     * A decision: the finding's fingerprint (as listed), {@code confirmed} or {@code dismissed}, and why. The answer's
     * {@code state} is {@code proposed} when dismissing an error waits for a second reviewer.
     */
    record Decision(String fingerprint, String decision, String reason) {
    }

    @GetMapping("/api/assessments/{id}/reviews")
    Map<String, Object> list(@PathVariable long id) {
        return Map.of("review", reviews.listing(id), "history", reviews.history(id));
    }

    @PostMapping(path = "/api/assessments/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> decide(@PathVariable long id, @RequestBody(required = false) Decision d, Principal who) {
        if (d == null || d.fingerprint() == null || d.fingerprint().isBlank()) {
            throw new RoundService.Refused("请以 JSON 给出 fingerprint、decision 和 reason (send JSON with fingerprint, decision and reason)");
        }
        Reviews.Decided done = reviews.decide(id, d.fingerprint(), d.decision(), d.reason(), who.getName());
        return Map.of("assessmentId", id, "state", done.state(), "score", done.assessment().score(),
                "grade", done.assessment().grade(), "review", reviews.listing(id));
    }

    /** What a round's reviewers have left to look at: per agency, the findings the rules could not decide. */
    @GetMapping("/api/rounds/{id}/reviews")
    List<Map<String, Object>> round(@PathVariable long id) {
        rounds.round(id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ranking.Row row : ranking.of(id)) {
            if (row.assessmentId() == null) {
                continue;
            }
            Reviews.Listing l = reviews.listing(row.assessmentId());
            out.add(Map.of("agency", row.agency(), "assessmentId", row.assessmentId(), "status", row.status(),
                    "open", l.undecided().stream().filter(i -> i.review() == null).count(),
                    "undecided", l.undecided(), "failures", l.failures().size()));
        }
        return out;
    }
}
