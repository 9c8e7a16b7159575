package dev.tandem.monthend.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one file of an input folder as text (docs/input-format.md: UTF-8, a byte-order mark is accepted). A missing
 * required file is a {@code MISSING_FILE} problem, an unreadable or non-UTF-8 file an {@code INVALID} one, both at
 * line 1, column 1. Something that is there but is not what belongs there (a folder where a file belongs, a file
 * where a folder belongs, a symbolic link to nothing or to itself) is {@code MISSING_FILE} even where the file is
 * optional: the user put something there, and reading on without it would bill short (issue 14).
 */
public final class InputFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputFiles() {
    }

    /**
     * The text of {@code folder/file} without a leading byte-order mark.
     *
     * @param file     the path relative to the folder, with {@code /} separators, as problems name it
     * @param required whether a missing file is a problem
     * @return the text, or null when the file is missing or can't be read (a problem is then added if it matters)
     */
    public static String read(Path folder, String file, boolean required, List<InputProblem> problems) {
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new InputProblem(file, 1, 1, "MISSING_FILE", null, file + " " + notThere(path, false)));
            } else if (required) {
                problems.add(new InputProblem(file, 1, 1, "MISSING_FILE", null, file + " is required but is not in the "
                        + "input folder"));
            }
            return null;
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            problems.add(new InputProblem(file, 1, 1, "INVALID", null, file + " is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new InputProblem(file, 1, 1, "INVALID", null, file + " can't be read: " + e.getMessage()));
        }
        return null;
    }

    /**
     * Why {@code path} is not a readable file (or, with {@code directory}, a folder) that can be read, in words
     * that complete "{@code <path> ...}"; null when it is one. Symbolic links are followed.
     */
    public static String notThere(Path path, boolean directory) {
        if (directory ? Files.isDirectory(path) : Files.isRegularFile(path)) {
            return null;
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "is not in the input folder";
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return "is a symbolic link that leads nowhere (its target is missing, or it loops)";
        }
        if (directory) {
            return "is a file, not a folder";
        }
        return Files.isDirectory(path) ? "is a folder, not a file" : "is not a regular file";
    }
}
