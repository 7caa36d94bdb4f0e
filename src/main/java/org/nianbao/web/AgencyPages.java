package org.nianbao.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.nianbao.rounds.Ranking;
import org.nianbao.rounds.RoundService;
import org.nianbao.rounds.RoundStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An agency within a round: its place in the ranking, every report it handed in (or that was collected from its
 * site) with what came of it, and the documents fetched from its site, kept as fetched with their address, time and
 * SHA-256 — to download as the committee's evidence of what was published when.
 */
@Controller
class AgencyPages {

    private final RoundService rounds;
    private final RoundStore store;
    private final Ranking ranking;

    AgencyPages(RoundService rounds, RoundStore store, Ranking ranking) {
        this.rounds = rounds;
        this.store = store;
        this.ranking = ranking;
    }

    /** A report of the agency: what was handed in or collected, and the documents fetched for it. */
    record Handed(RoundStore.Submission submission, List<RoundStore.Capture> captures) {
    }

    @GetMapping("/rounds/{id:\\d+}/agencies/{agency:\\d+}")
    String agency(@PathVariable long id, @PathVariable long agency, Model model) {
        RoundStore.Round round = rounds.round(id);
        RoundStore.Expected expected = store.expected(id).stream().filter(e -> e.agencyId() == agency).findFirst()
                .orElseThrow(() -> new RoundService.NotFound("本轮次的单位名单中没有编号为 " + agency + " 的单位 (no such agency)"));
        Map<Long, Long> items = store.jobItems(id);
        Map<Long, List<RoundStore.Capture>> captures = store.captures(id);
        List<Handed> handed = new java.util.ArrayList<>(store.submissions(id).stream()
                .filter(s -> s.agencyId() != null && s.agencyId() == agency)
                .map(s -> new Handed(s, captures.getOrDefault(items.get(s.id()), List.of()))).toList());
        java.util.Collections.reverse(handed); // the latest first: it is the one that counts
        model.addAttribute("round", round);
        model.addAttribute("agency", expected);
        model.addAttribute("row", ranking.of(id).stream().filter(r -> r.agencyId() != null && r.agencyId() == agency
                && !"unmatched".equals(r.status())).findFirst().orElse(null));
        model.addAttribute("handed", handed);
        model.addAttribute("lastYear", store.lastYear(id, round.year()).get(agency));
        model.addAttribute("crumbs", List.of(new CheckPages.Crumb("评估轮次", "/rounds"),
                new CheckPages.Crumb(round.name(), "/rounds/" + id), new CheckPages.Crumb(expected.name(), null)));
        return "agency";
    }

    /**
     * A document fetched from an agency's site, as it was fetched: always as a download (never shown in the service's
     * own pages, where a fetched page's scripts would run).
     */
    @GetMapping("/rounds/{id:\\d+}/captures/{capture:\\d+}")
    ResponseEntity<byte[]> capture(@PathVariable long id, @PathVariable long capture) {
        var kept = store.capture(id, capture)
                .orElseThrow(() -> new RoundService.NotFound("本轮次没有编号为 " + capture + " 的采集记录 (no such capture)"));
        String name = fileName(kept.getKey().url(), kept.getKey().mediaType());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", kept.getKey().sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(kept.getValue());
    }

    /** The name a kept document is downloaded under: its file's name in the address, or one by its type. */
    static String fileName(String url, String mediaType) {
        String name;
        try {
            name = org.nianbao.rounds.RoundJobs.fileName(java.net.URI.create(url));
        } catch (IllegalArgumentException e) {
            name = "document";
        }
        if (!name.contains(".")) {
            String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
            name += type.contains("html") ? ".html" : type.contains("pdf") ? ".pdf" : ".bin";
        }
        return name;
    }
}
