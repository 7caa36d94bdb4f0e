package org.nianbao.web;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page of the workbench and the committee's pages; the form posts to {@code /login}. After too many
 * failed sign-ins it says, in Chinese, how long to wait ({@code ?locked=SECONDS}). {@code /logout} asks before signing out.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        if (locked != null && locked.matches("\\d{1,7}")) {
            model.addAttribute("lockedFor", SignInThrottled.minutes(Duration.ofSeconds(Long.parseLong(locked))));
        }
        return "login";
    }

    /**
     * {@code GET /logout}, as a person types it: a page asking to confirm (signing out is a form posted with its CSRF
     * token), or saying that nobody is signed in.
     */
    @GetMapping("/logout")
    String logout() {
        return "logout";
    }
}
