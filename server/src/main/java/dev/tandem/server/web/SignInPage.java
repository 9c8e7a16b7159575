package dev.tandem.server.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security's form login checks the user name and password ({@code POST /login}), locks out
 * after repeated failures and records both in the security log; this page shows the form and the outcome of the last
 * try ({@code ?error}: wrong credentials, or locked with the time it opens again; {@code ?signedOut}).
 */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("signInError", last instanceof LockedException locked ? locked.getMessage()
                    : last instanceof AuthenticationException failed && failed.getMessage() != null
                    && failed.getMessage().contains("disabled") ? failed.getMessage()
                    : "The user name or password is wrong.");
        }
        return "login";
    }
}
