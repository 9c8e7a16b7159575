package dev.tandem.monthend.output;

import java.util.ArrayList;
import java.util.List;

/**
 * How an invoice's lines fall onto pages: each page takes as many table rows as fit, and the totals block goes
 * under the last rows when it fits there, else onto a page of its own. Worked out before drawing, so that every
 * page can say "Page n of m".
 */
final class InvoicePages {

    /** The lines {@code [from, to)} of one page, and whether the totals block follows them. */
    record Page(int from, int to, boolean totals) {
    }

    private InvoicePages() {
    }

    /**
     * @param lines         number of invoice lines, ≥ 0
     * @param firstCapacity table rows that fit on the first page (under the invoice header), ≥ 1
     * @param nextCapacity  table rows that fit on a following page, ≥ 1
     * @param totalsRows    rows the totals block takes, ≤ both capacities
     * @return the pages in order, at least one; exactly the last one has the totals
     */
    static List<Page> plan(int lines, int firstCapacity, int nextCapacity, int totalsRows) {
        if (firstCapacity < totalsRows || nextCapacity < totalsRows || lines < 0) {
            throw new IllegalArgumentException("A page must hold the totals block");
        }
        List<Page> pages = new ArrayList<>();
        int from = 0;
        while (true) {
            int capacity = pages.isEmpty() ? firstCapacity : nextCapacity;
            int to = Math.min(lines, from + capacity);
            if (to == lines && to - from + totalsRows <= capacity) {
                pages.add(new Page(from, to, true));
                return pages;
            }
            pages.add(new Page(from, to, false));
            from = to;
        }
    }
}
