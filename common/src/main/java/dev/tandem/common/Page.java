package dev.tandem.common;

import java.util.List;

/**
 * One page of a list. Pages are numbered from 0; {@code total} is the number of rows matching the filter.
 *
 * @param items rows of this page, at most {@code size}
 * @param page  0-based page number
 * @param size  requested page size
 * @param total rows matching the filter on all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Largest page size any list accepts; bigger requests are capped, not refused. */
    public static final int MAX_SIZE = 500;

    /** Row offset of a 0-based page. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    /** Clamps a requested size to 1..{@link #MAX_SIZE}. */
    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
