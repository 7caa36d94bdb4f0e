package org.nianbao.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (null when nobody is), to offer 登录 or 退出, and writes numbers as people do ({@code n}). */
@ControllerAdvice(annotations = Controller.class)
class SignedIn {

    @ModelAttribute("signedIn")
    String signedIn(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("n")
    Numbers numbers() {
        return Numbers.INSTANCE;
    }
}
