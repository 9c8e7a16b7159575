package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when its request fails: the domain's refusal with its status (404 for an unknown row, 409 or 422
 * for a broken rule), a bad parameter as 400, contention as 503 with a request to try again, anything else as 500
 * with a reference that the log carries beside the cause. Never a stack trace. A missing permission is left to the
 * security filters, which answer 403 with the permission's name.
 */
@ControllerAdvice(basePackageClasses = PageExceptions.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptions {

    private static final Logger LOG = LoggerFactory.getLogger(PageExceptions.class);

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e; // ExceptionTranslationFilter answers it (403 page, security log)
    }

    @ExceptionHandler(TandemException.class)
    ModelAndView refused(TandemException e, HttpServletResponse response) {
        return page(response, e.errorCode().httpStatus(), e.errorCode().title(), e.detail());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HttpServletResponse response) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "The value '" + m.getValue() + "' is not a valid " + m.getName() + "."
                : "The parameter '" + ((MissingServletRequestParameterException) e).getParameterName()
                + "' is missing.";
        return page(response, 400, "Invalid request", detail);
    }

    @ExceptionHandler({TransientDataAccessException.class, CannotGetJdbcConnectionException.class})
    ModelAndView busy(Exception e, HttpServletRequest request, HttpServletResponse response) {
        LOG.info("contention on page {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        response.setHeader("Retry-After", "1");
        return page(response, 503, "Busy", "Other work holds the rows this page needs. Nothing was changed; try again"
                + " in a moment.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected error on page {} {} (reference {})", request.getMethod(), request.getRequestURI(),
                reference, e);
        return page(response, 500, "Something went wrong", "The server could not finish this request. The server's "
                + "log has the details under reference " + reference + ".");
    }

    static ModelAndView page(HttpServletResponse response, int status, String title, String detail) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("errorTitle", title);
        view.addObject("detail", detail);
        return view;
    }
}
