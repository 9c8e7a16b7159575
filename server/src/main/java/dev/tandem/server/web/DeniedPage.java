package dev.tandem.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The 403 page: where the pages' security chain forwards a signed-in user's request that needs a permission the
 * user's roles don't give (any method: the forward keeps the refused request's).
 */
@Controller
class DeniedPage {

    @RequestMapping("/denied")
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return PageExceptions.page(response, 403, "Not allowed", "Your roles don't allow "
                + (uri == null ? "this" : request.getMethod() + " " + uri) + ". Ask an administrator for the role "
                + "that has the permission (docs/security.md lists them).");
    }
}
