package dev.tandem.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix is defined once, in {@link Role} and {@link ApiPermissions}; docs/security.md shows it as
 * two tables between markers, and this test holds them equal to the code (issue 15). On a difference it writes the
 * tables the code gives to {@code target/security-matrix.md}.
 */
class PermissionMatrixDocTest {

    private static final Path DOC = Path.of("..", "docs", "security.md");

    @Test
    void theDocumentedMatrixIsTheCodes() throws IOException {
        String expected = roleTable() + "\n" + operationTable();
        String doc = Files.readString(DOC);
        String start = "<!-- permission matrix: generated from Role and ApiPermissions, checked by "
                + "PermissionMatrixDocTest -->\n";
        String end = "<!-- end of permission matrix -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        String documented = from < 0 || to < 0 ? "" : doc.substring(from + start.length(), to);
        if (!documented.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "security-matrix.md"), start + expected + end + "\n");
        }
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void everyPermissionIsNeededSomewhereAndHeldBySomeRole() {
        for (Permission p : Permission.values()) {
            assertThat(ApiPermissions.rules().stream().anyMatch(r -> r.permission() == p)
                    || p == Permission.QUEUE_DISCARD).as(p + " guards an operation").isTrue();
            assertThat(java.util.Arrays.stream(Role.values()).anyMatch(r -> r.permissions().contains(p)))
                    .as(p + " is held by a role").isTrue();
        }
        assertThat(Role.VIEWER.permissions()).allMatch(p -> p.text().endsWith(":read"));
    }

    static String roleTable() {
        StringBuilder b = new StringBuilder("| permission | what it allows |");
        List<String> sep = new ArrayList<>(List.of("---", "---"));
        for (Role role : Role.values()) {
            b.append(' ').append(role.text()).append(" |");
            sep.add(":-:");
        }
        b.append("\n|").append(String.join("|", sep)).append("|\n");
        for (Permission p : Permission.values()) {
            b.append("| `").append(p.text()).append("` | ").append(p.description()).append(" |");
            for (Role role : Role.values()) {
                b.append(role.permissions().contains(p) ? " ✓ |" : "  |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String operationTable() {
        StringBuilder b = new StringBuilder("| method | path (`*` one segment, `**` any) | permission |\n|---|---|---|\n");
        for (ApiPermissions.Rule rule : ApiPermissions.rules()) {
            b.append("| ").append(rule.method().name()).append(" | `").append(rule.pattern()).append("` | `")
                    .append(rule.permission().text()).append("` |\n");
        }
        return b.toString();
    }
}
