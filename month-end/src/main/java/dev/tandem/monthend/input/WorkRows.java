package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.WorkRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The time or the expense rows of an input folder, without holding them: reading the folder checked every row and
 * kept only what the run needs before it loads them (how many, how many non-billable, the distinct project, resource
 * and category names); {@link #forEachChunk} reads the rows again, in file and line order, when the run loads them.
 * So a folder of 1,000,000 time rows costs the run the memory of one chunk and one file's text, not of a million
 * rows for the whole month end (issue 13: the rows held from the first step to the last were ~380 MB of a 1 GB heap).
 *
 * <p>A file that changed since the folder was read (another size, modification time or number of rows, or a row
 * that no longer reads) is refused when read again: {@link IllegalStateException} naming it, before its rows reach
 * the consumer; chunks of earlier files may already have been consumed, and loading them again is harmless (each
 * row is created under its source key once).
 */
public final class WorkRows {

    /** Reads the rows again, in the order the folder read them, handing each to {@code each}. */
    @FunctionalInterface
    interface Source {
        void read(Consumer<WorkRow> each);
    }

    private final int size;
    private final int nonBillable;
    private final Set<String> projects;
    private final Set<String> resources;
    private final Set<String> categories;
    private final Source source;

    private WorkRows(Summary summary, Source source) {
        this.size = summary.size;
        this.nonBillable = summary.nonBillable;
        this.projects = Collections.unmodifiableSet(summary.projects);
        this.resources = Collections.unmodifiableSet(summary.resources);
        this.categories = Collections.unmodifiableSet(summary.categories);
        this.source = source;
    }

    /** Rows held in memory (expenses, tests): read again from the list. */
    public static WorkRows of(List<WorkRow> rows) {
        List<WorkRow> copy = List.copyOf(rows);
        Summary summary = new Summary();
        copy.forEach(summary);
        return new WorkRows(summary, copy::forEach);
    }

    /** Rows read again from their files by {@code source}; {@code summary} saw each row the first time. */
    static WorkRows reread(Summary summary, Source source) {
        return new WorkRows(summary, source);
    }

    /** How many rows. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** How many of the rows the source marks non-billable. */
    public int nonBillable() {
        return nonBillable;
    }

    /** The distinct project numbers the rows name, in first-seen order. */
    public Set<String> projects() {
        return projects;
    }

    /** The distinct resource names the rows name, in first-seen order. */
    public Set<String> resources() {
        return resources;
    }

    /** The distinct expense categories the rows name (none for time), in first-seen order. */
    public Set<String> categories() {
        return categories;
    }

    /**
     * Reads the rows again and hands them to {@code chunk} in lists of up to {@code size} rows, in file and line order.
     *
     * @throws IllegalArgumentException when {@code size} is not positive
     * @throws IllegalStateException    naming the file when it changed since the folder was read
     */
    public void forEachChunk(int size, Consumer<List<WorkRow>> chunk) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size);
        }
        List<WorkRow> pending = new ArrayList<>(Math.min(size, Math.max(1, this.size)));
        source.read(row -> {
            pending.add(row);
            if (pending.size() == size) {
                chunk.accept(List.copyOf(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            chunk.accept(List.copyOf(pending));
        }
    }

    /** Every row in one list: memory for all of them, for tests and small folders. */
    public List<WorkRow> toList() {
        List<WorkRow> all = new ArrayList<>(size);
        source.read(all::add);
        return all;
    }

    /** What reading the folder keeps of its rows while it checks them. */
    static final class Summary implements Consumer<WorkRow> {
        private int size;
        private int nonBillable;
        private final Set<String> projects = new LinkedHashSet<>();
        private final Set<String> resources = new LinkedHashSet<>();
        private final Set<String> categories = new LinkedHashSet<>();

        @Override
        public void accept(WorkRow row) {
            Objects.requireNonNull(row, "row");
            size++;
            if (!row.billable()) {
                nonBillable++;
            }
            add(projects, row.project());
            add(resources, row.resource());
            add(categories, row.category());
        }

        private static void add(Set<String> names, String name) {
            if (name != null) {
                names.add(name);
            }
        }
    }
}
