package dev.tandem.server.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 5: a create answered 500 after its commit because its {@code Location} was concatenated text
 * given to {@code URI.create}, and a key with a space is no URI. The class of defect is "a response header built
 * from a client's text can throw after the commit"; {@link Locations} builds every such header, and this test holds
 * it for any text and keeps every other server class from building a URI from text.
 */
class LocationsTest {

    @Property(tries = 500)
    void anyKeysGiveALocationWhoseSegmentsDecodeBackToThem(
            @ForAll @Size(max = 4) List<@StringLength(max = 40) String> keys) {
        URI location = Locations.of("/api/finance/legal-entities", keys.toArray(String[]::new));

        String path = location.getRawPath();
        assertThat(location.isAbsolute()).isFalse();
        assertThat(path).startsWith("/api/finance/legal-entities");
        List<String> segments = Arrays.stream(path.substring("/api/finance/legal-entities".length()).split("/", -1))
                .skip(1).map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        assertThat(segments).isEqualTo(keys);
    }

    @Test
    void theKeysOfTheFindingGetValidLocations() {
        assertThat(Locations.of("/api/finance/legal-entities", "NWCO", "customers", "C 100").toString())
                .isEqualTo("/api/finance/legal-entities/NWCO/customers/C%20100");
        assertThat(Locations.of("/api/finance/exchange-rate-types", "a/b?c#d%e").toString())
                .isEqualTo("/api/finance/exchange-rate-types/a%2Fb%3Fc%23d%25e");
    }

    @Test
    void noOtherServerClassBuildsAUriFromText() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tandem.server");
        noClasses().that().resideInAPackage("dev.tandem.server..").and().doNotHaveFullyQualifiedName(
                        Locations.class.getName())
                .should().callMethod(URI.class, "create", String.class)
                .orShould().callConstructor(URI.class, String.class)
                .because("a URI built from a client's text throws for characters a URI can't hold, and after a "
                        + "commit that answers 500 for a row that exists (issue 14, finding 5): use Locations")
                .check(classes);
    }
}
