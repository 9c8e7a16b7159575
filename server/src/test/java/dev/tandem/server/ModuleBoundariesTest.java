package dev.tandem.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module rule of DESIGN §2: Project Operations and Finance never know each other (only table maps cross), the
 * dual-write runtime knows neither, and {@code common} knows no other Tandem module. Checked on the compiled
 * production classes of every module (ArchUnit) and on the Maven dependencies (the poms).
 */
class ModuleBoundariesTest {

    private static final String OPERATIONS = "dev.tandem.operations..";
    private static final String FINANCE = "dev.tandem.finance..";
    private static final String COMMON = "dev.tandem.common..";

    /** Production classes only: not test classes, not the test harness in tandem-common's test-jar. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tandem");

    @Test
    void operationsDoesNotDependOnFinance() {
        noClasses().that().resideInAPackage(OPERATIONS).should().dependOnClassesThat().resideInAPackage(FINANCE)
                .because("only table maps cross between the apps (DESIGN §1)").check(CLASSES);
    }

    @Test
    void financeDoesNotDependOnOperations() {
        noClasses().that().resideInAPackage(FINANCE).should().dependOnClassesThat().resideInAPackage(OPERATIONS)
                .because("only table maps cross between the apps (DESIGN §1)").check(CLASSES);
    }

    @Test
    void commonDependsOnNoOtherTandemModule() {
        noClasses().that().resideInAPackage(COMMON).should().dependOnClassesThat(
                        resideInAPackage("dev.tandem..").and(not(resideInAPackage(COMMON))))
                .because("common is the base every module shares (DESIGN §2)").check(CLASSES);
    }

    @Test
    void dualWriteKnowsNeitherApp() {
        noClasses().that().resideInAPackage("dev.tandem.dualwrite..").should().dependOnClassesThat(
                        resideInAnyPackage(OPERATIONS, FINANCE))
                .because("apps plug into dual-write through its entity SPI, not the reverse (DESIGN §2)")
                .check(CLASSES);
    }

    @Test
    void theAppPomsDoNotDependOnEachOther() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(dependencies(root.resolve("project-operations/pom.xml"))).isNotEmpty()
                .doesNotContain("tandem-finance");
        assertThat(dependencies(root.resolve("finance/pom.xml"))).isNotEmpty()
                .doesNotContain("tandem-project-operations");
    }

    /** Every dependency artifactId of a pom: dependencies, dependency management, profiles, plugins. */
    private static List<String> dependencies(Path pom) throws Exception {
        assertThat(pom).as("module pom next to server/").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes;
        try (var in = Files.newInputStream(pom)) {
            nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("dependency");
        }
        List<String> artifactIds = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            NodeList ids = ((Element) nodes.item(i)).getElementsByTagName("artifactId");
            if (ids.getLength() > 0) {
                artifactIds.add(ids.item(0).getTextContent().strip());
            }
        }
        return artifactIds;
    }
}
