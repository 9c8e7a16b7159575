package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outcome of a page action, shown once on the page the action redirects to (post/redirect/get): a success
 * sentence, or the domain's refusal as it words it (the rule and the row), never a stack trace.
 */
final class PageMessages {

    /** Flash attribute of a success sentence. */
    static final String DONE = "done";
    /** Flash attribute of a refusal sentence. */
    static final String REFUSED = "refused";
    /** Flash attribute of the refusal's code (e.g. {@code NTE_FAILED}). */
    static final String REFUSED_CODE = "refusedCode";

    private PageMessages() {
    }

    /**
     * Runs {@code action}; on success flashes {@code done} applied to its result, on a {@link TandemException}
     * flashes the refusal and answers null (the domain rolled its transaction back: nothing is half-written).
     */
    static <T> T attempt(RedirectAttributes flash, Supplier<T> action, java.util.function.Function<T, String> done) {
        try {
            T result = action.get();
            flash.addFlashAttribute(DONE, done.apply(result));
            return result;
        } catch (TandemException e) {
            flash.addFlashAttribute(REFUSED, e.detail());
            flash.addFlashAttribute(REFUSED_CODE, e.errorCode().code());
            return null;
        }
    }

    /** {@link #attempt(RedirectAttributes, Supplier, java.util.function.Function)} for an action without result. */
    static boolean attempt(RedirectAttributes flash, Runnable action, String done) {
        return attempt(flash, () -> {
            action.run();
            return Boolean.TRUE;
        }, ignored -> done) != null;
    }
}
