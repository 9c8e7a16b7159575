package dev.tandem.server.api;

import dev.tandem.common.Page;
import java.util.List;

/**
 * The page a list endpoint is asked for, from the request parameters {@code page} (0-based, default 0) and
 * {@code size} (default {@value #DEFAULT_SIZE}, capped at {@link Page#MAX_SIZE}). Declare it as a controller
 * method parameter; {@link PageRequestArgumentResolver} fills it in and refuses bad values with 400
 * {@code INVALID_INPUT}. Answer with {@link #toPage}, which Jackson writes as {@code {items, page, size, total}}.
 *
 * @param page 0-based page number, at least 0
 * @param size rows per page, 1 to {@link Page#MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** Rows per page when the request does not say. */
    public static final int DEFAULT_SIZE = 50;

    /** @throws IllegalArgumentException when page is negative or size is outside 1 to {@link Page#MAX_SIZE} */
    public PageRequest {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is not a page");
        }
    }

    /** Row offset of this page, for SQL {@code OFFSET}. */
    public long offset() {
        return Page.offset(page, size);
    }

    /**
     * This page of a list read whole, for short lists bounded by their parent (the lines of one contract, the
     * milestones of one line), so they page like every other list.
     */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), offset());
        return toPage(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), all.size());
    }

    /** This page's rows with the number of rows on all pages. */
    public <T> Page<T> toPage(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
