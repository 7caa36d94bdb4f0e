package org.nianbao.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nianbao.export.RoundExport;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The committee's pages for evaluation rounds (a {@code REVIEWER}'s): the rounds, and each round's ranking and exports. */
@Controller
class RoundPages {

    private final RoundService rounds;
    private final RoundStore store;
    private final Ranking ranking;

    RoundPages(RoundService rounds, RoundStore store, Ranking ranking) {
        this.rounds = rounds;
        this.store = store;
        this.ranking = ranking;
    }

    /** A ranking row with its category scores in the order of the columns. */
    record RowView(Ranking.Row row, List<String> categoryScores) {
    }

    @GetMapping("/rounds")
    String list(Model model) {
        model.addAttribute("rounds", store.list());
        return "rounds";
    }

    @GetMapping("/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        RoundStore.Round round = rounds.round(id);
        List<Ranking.Row> rows = ranking.of(id);
        List<String> categories = rows.stream().flatMap(r -> r.categories().stream())
                .map(Ranking.CategoryScore::name).distinct().toList();
        model.addAttribute("round", round);
        model.addAttribute("rows", rows.stream().map(r -> new RowView(r, categories.stream()
                .map(name -> r.categories().stream().filter(c -> c.name().equals(name)).findFirst()
                        .map(c -> org.nianbao.rules.Labels.show(c.score())).orElse("—"))
                .toList())).toList());
        model.addAttribute("categories", categories);
        model.addAttribute("changes", store.changes(id));
        return "round";
    }

    @GetMapping("/rounds/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
        RoundStore.Round round = rounds.round(id);
        List<Ranking.Row> rows = ranking.of(id);
        boolean csv = "csv".equals(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(round.name() + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(csv ? RoundExport.csv(rows) : RoundExport.xlsx(round, rows));
    }
}
