package org.nianbao.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.nianbao.rounds.AgencyList;
import org.nianbao.rounds.RoundJobs;
import org.nianbao.rounds.RoundService;
import org.nianbao.rounds.RoundStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a round's work comes in, from the pages: the agency list (shown line by line before it is imported, each bad
 * line named), reports uploaded (many files or a ZIP, dropped on the page) or collected from the agencies' sites,
 * followed as a job on a progress bar; an unmatched report assigned to its agency; the round scored again with a
 * reason. Every form answers with a redirect, so that reloading a page never does the work twice.
 */
@Controller
class RoundIntakePages {

    private static final String PREVIEW = "agencyPreview";

    private final RoundService rounds;
    private final RoundStore store;
    private final RoundJobs jobs;

    RoundIntakePages(RoundService rounds, RoundStore store, RoundJobs jobs) {
        this.rounds = rounds;
        this.store = store;
        this.jobs = jobs;
    }

    private static List<CheckPages.Crumb> crumbs(RoundStore.Round round, String here) {
        return List.of(new CheckPages.Crumb("评估轮次", "/rounds"), new CheckPages.Crumb(round.name(), "/rounds/" + round.id()),
                new CheckPages.Crumb(here, null));
    }

    // ---- the agency list --------------------------------------------------------------------------

    /** A list read and waiting for the reviewer's word: the round it is for, its entries and the lines left out. */
    record Preview(long roundId, String token, String file, List<AgencyList.Entry> entries, List<AgencyList.Problem> problems)
            implements Serializable {
    }

    @GetMapping("/rounds/{id:\\d+}/agencies")
    String agencies(@PathVariable long id, Model model, HttpSession session) {
        RoundStore.Round round = rounds.round(id);
        model.addAttribute("round", round);
        model.addAttribute("expected", store.expected(id));
        model.addAttribute("crumbs", crumbs(round, "单位名单"));
        if (session.getAttribute(PREVIEW) instanceof Preview p && p.roundId() == id) {
            model.addAttribute("preview", p);
        }
        return "agencies";
    }

    /** Reads an uploaded list and shows what would be imported, and each line that would not, before anything changes. */
    @PostMapping("/rounds/{id:\\d+}/agencies/preview")
    String preview(@PathVariable long id, @RequestParam("file") MultipartFile file, HttpSession session,
                   RedirectAttributes redirect) throws IOException {
        rounds.round(id);
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择单位名单文件（CSV 或 Excel）");
            return "redirect:/rounds/" + id + "/agencies";
        }
        AgencyList.Preview read = AgencyList.preview(file.getOriginalFilename(), file.getBytes());
        session.setAttribute(PREVIEW, new Preview(id, UUID.randomUUID().toString(), file.getOriginalFilename(),
                new ArrayList<>(read.entries()), new ArrayList<>(read.problems().stream()
                        .map(p -> new AgencyList.Problem(p.line(), ErrorPages.withoutGloss(p.message()))).toList())));
        return "redirect:/rounds/" + id + "/agencies#preview";
    }

    /** Imports the list shown (its good lines), once. */
    @PostMapping("/rounds/{id:\\d+}/agencies")
    String importAgencies(@PathVariable long id, @RequestParam String token, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(PREVIEW) instanceof Preview p) || p.roundId() != id || !p.token().equals(token)) {
            redirect.addFlashAttribute("error", "要导入的名单已不在本次会话中，请重新上传");
            return "redirect:/rounds/" + id + "/agencies";
        }
        try {
            int n = rounds.expect(id, p.entries());
            session.removeAttribute(PREVIEW);
            redirect.addFlashAttribute("message", "已导入 " + n + " 个单位" + (p.problems().isEmpty() ? "。"
                    : "，" + p.problems().size() + " 行有问题未导入。") + "下一步：上传报告，或从网站采集。");
            return "redirect:/rounds/" + id;
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
            return "redirect:/rounds/" + id + "/agencies";
        }
    }

    @PostMapping("/rounds/{id:\\d+}/agencies/preview/cancel")
    String cancel(@PathVariable long id, HttpSession session) {
        session.removeAttribute(PREVIEW);
        return "redirect:/rounds/" + id + "/agencies";
    }

    // ---- reports -------------------------------------------------------------------------------------

    @GetMapping("/rounds/{id:\\d+}/upload")
    String upload(@PathVariable long id, Model model) {
        RoundStore.Round round = rounds.round(id);
        model.addAttribute("round", round);
        model.addAttribute("expected", store.expected(id).size());
        model.addAttribute("crumbs", crumbs(round, "上传报告"));
        return "upload";
    }

    /** Reports handed in from the page (files, or ZIPs, with an optional manifest): scored as a job. */
    @PostMapping("/rounds/{id:\\d+}/submissions")
    String submit(@PathVariable long id, @RequestParam(name = "file", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) MultipartFile manifest, Principal who, RedirectAttributes redirect)
            throws IOException {
        List<RoundService.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                uploads.add(new RoundService.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        if (manifest != null && !manifest.isEmpty()) {
            uploads.add(new RoundService.Upload("manifest.csv", manifest.getBytes()));
        }
        try {
            long job = rounds.submit(id, uploads, who.getName());
            jobs.start(job);
            return "redirect:/rounds/" + id + "/jobs/" + job;
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
            return "redirect:/rounds/" + id + "/upload";
        }
    }

    /** The reports of the agencies whose list gives an address, collected from their sites as a job. */
    @PostMapping("/rounds/{id:\\d+}/collect")
    String collect(@PathVariable long id, @RequestParam(name = "agency", required = false) List<Long> agencies,
                   Principal who, RedirectAttributes redirect) {
        try {
            long job = rounds.collect(id, agencies, who.getName());
            jobs.start(job);
            return "redirect:/rounds/" + id + "/jobs/" + job;
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
            return "redirect:/rounds/" + id;
        }
    }

    /** A job followed on a progress bar (the page asks {@code /api/jobs/{job}}); once done, each item's outcome. */
    @GetMapping("/rounds/{id:\\d+}/jobs/{job:\\d+}")
    String job(@PathVariable long id, @PathVariable long job, Model model) {
        RoundStore.Round round = rounds.round(id);
        RoundStore.JobState state = rounds.job(job);
        if (state.roundId() != id) {
            throw new RoundService.NotFound("本轮次没有编号为 " + job + " 的任务 (no such job)");
        }
        model.addAttribute("round", round);
        model.addAttribute("job", state);
        model.addAttribute("items", "done".equals(state.state()) ? store.items(job) : List.of());
        model.addAttribute("crumbs", crumbs(round, "任务 " + job));
        return "job";
    }

    /** An unmatched report assigned to the agency a reviewer chose. */
    @PostMapping("/rounds/{id:\\d+}/submissions/{submission:\\d+}/agency")
    String assign(@PathVariable long id, @PathVariable long submission, @RequestParam(required = false) Long agencyId,
                  RedirectAttributes redirect) {
        try {
            if (agencyId == null) {
                throw new RoundService.Refused("请选择单位");
            }
            rounds.assign(id, submission, agencyId);
            String name = store.expected(id).stream().filter(e -> e.agencyId() == agencyId).map(RoundStore.Expected::name)
                    .findFirst().orElse("");
            redirect.addFlashAttribute("message", "已将报告指定给「" + name + "」。");
        } catch (RoundService.Refused | RoundService.NotFound e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
        }
        return "redirect:/rounds/" + id + "#unmatched";
    }

    /** Every report of the round scored again, with the rules in force and the scorecard chosen, for a reason. */
    @PostMapping("/rounds/{id:\\d+}/rescore")
    String rescore(@PathVariable long id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String scorecard, Principal who, RedirectAttributes redirect) {
        try {
            long job = rounds.rescore(id, scorecard, reason, who.getName());
            jobs.start(job);
            return "redirect:/rounds/" + id + "/jobs/" + job;
        } catch (RoundService.Refused e) {
            redirect.addFlashAttribute("error", ErrorPages.withoutGloss(e.getMessage()));
            return "redirect:/rounds/" + id;
        }
    }
}
