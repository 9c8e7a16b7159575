package dev.tandem.server.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC's handlers answer problem+json too, never an HTML page (issue 14, finding 7):
 * <ul>
 *   <li>errors the servlet container forwards to its error page ({@code sendError} of a filter, an exception thrown
 *       by a filter, a failed multipart parse) reach {@link ErrorPage}, Tandem's {@code /error}, which replaces
 *       Spring Boot's HTML/JSON error controller;</li>
 *   <li>requests Tomcat refuses before any servlet runs (an undecodable or non-normalized path, a bad header) are
 *       written by {@link ProblemValve}, which replaces Tomcat's HTML error report valve.</li>
 * </ul>
 * The code is the HTTP status name ({@link ProblemResponses#withCode}); a 5xx says nothing of its cause, which is
 * logged.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /**
     * The container's error page, {@code /error}: the forwarded status as problem+json. Not an operation of the API,
     * so it is hidden from {@code /v3/api-docs}.
     */
    @RestController
    @io.swagger.v3.oas.annotations.Hidden
    static class ErrorPage implements ErrorController {

        @RequestMapping("/error")
        org.springframework.web.servlet.ModelAndView error(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value ? value : response.getStatus();
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            ProblemDetail problem = problem(status, cause, String.valueOf(uri));
            if (wantsPage(request, uri)) {
                // A browser asking for a page (not the API): the same status and sentence as an HTML page.
                response.setStatus(status);
                org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView(
                        "error");
                page.addObject("status", status);
                page.addObject("errorTitle", problem.getTitle());
                page.addObject("detail", problem.getDetail());
                return page;
            }
            ProblemResponses.write(response, problem, uri == null ? null : uri.toString());
            return null;
        }

        /** A request outside the API whose client accepts HTML: a browser on a page. */
        static boolean wantsPage(HttpServletRequest request, Object uri) {
            String path = uri == null ? "" : uri.toString();
            String accept = request.getHeader("Accept");
            return !path.startsWith("/api/") && !path.startsWith("/v3/") && !path.startsWith("/actuator")
                    && accept != null && accept.contains("text/html");
        }
    }

    /**
     * Puts {@link ProblemValve} in place of Tomcat's error report valve on the host, and on the engine for requests
     * refused before a host is mapped (an undecodable path).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemValve() {
        return factory -> {
            factory.addEngineValves(new ProblemValve());
            factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                }
            });
            if (host instanceof org.apache.catalina.core.StandardHost standard) {
                standard.setErrorReportValveClass(ProblemValve.class.getName());
            }
            });
        };
    }

    /** Tomcat's error report, as problem+json. */
    public static class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setSuspended(false);
                ProblemResponses.write(response.getResponse(), problem(status, throwable, request.getRequestURI()),
                        null);
            } catch (IOException | IllegalStateException e) {
                LOG.debug("could not write the error of {}", request.getRequestURI(), e);
            }
        }
    }

    private static ProblemDetail problem(int status, Throwable cause, String uri) {
        ProblemDetail unreadable = ApiExceptionHandler.unreadableRequest(cause);
        if (unreadable != null) {
            return unreadable;
        }
        if (status >= 500) {
            LOG.error("unexpected error on {}", uri, cause);
            return ProblemResponses.internal();
        }
        if (status == 413) {
            return ProblemResponses.tooLarge(RequestLimits.CSV_BYTES);
        }
        if (status == 400) {
            return ProblemResponses.invalidInput(java.util.List.of(), "The request is not valid HTTP.");
        }
        return ProblemResponses.withCode(ProblemDetail.forStatus(status));
    }
}
