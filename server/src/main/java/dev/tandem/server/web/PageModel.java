package dev.tandem.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's model holds: the signed-in user's name (for the header). */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** Rows per page of the pages' lists unless the user picks another size. */
    static final int PAGE_SIZE = 50;
    /** The largest page a user can ask for. */
    static final int MAX_PAGE_SIZE = 500;

    @ModelAttribute("userName")
    String userName(Authentication user) {
        return user == null ? null : user.getName();
    }

    /** Whether the signed-in user holds a permission ({@code group:action}, docs/security.md). */
    static boolean has(Authentication user, String permission) {
        if (user == null) {
            return false;
        }
        for (GrantedAuthority authority : user.getAuthorities()) {
            if (permission.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** A page size within 1..{@link #MAX_PAGE_SIZE}. */
    static int size(Integer size) {
        return size == null ? PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, size));
    }

    /**
     * Puts a list's paging into the model as the templates' pagers read it: {@code total} rows, {@code page} (from
     * 0), {@code size} and {@code pageCount} (at least 1).
     */
    static void paging(org.springframework.ui.Model model, int page, int size, long total) {
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("size", size);
        model.addAttribute("pageCount", pageCount(total, size));
    }

    /** The pages {@code total} rows fill at {@code size} a page; at least 1. */
    static long pageCount(long total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** A page number from 0. */
    static int page(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }
}
