package dev.tandem.monthend.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.einvoice.EInvoiceValidation.Finding;
import dev.tandem.monthend.einvoice.EInvoiceValidation.Result;
import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test support: a generated e-invoice passes the official Peppol BIS Billing 3.0 and EN 16931 rules with zero errors,
 * or the assertion names each broken rule with its id and text; warnings are printed to the test output.
 */
public final class EInvoiceAssertions {

    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    private EInvoiceAssertions() {
    }

    /** Validates {@code xml} and fails with every error's rule id and text; returns the result (warnings). */
    public static Result assertConformant(String label, byte[] xml, boolean creditNote) {
        Result result = EInvoiceValidation.validate(xml, creditNote);
        for (Finding warning : result.warnings()) {
            System.out.println(label + ": " + warning);
        }
        assertThat(result.errors()).as(() -> label + " breaks " + result.errors().size() + " Peppol BIS 3.0 / EN 16931 "
                + "rule(s):\n" + result.errors().stream().map(Finding::toString).collect(Collectors.joining("\n")))
                .isEmpty();
        return result;
    }

    /** The document, parsed namespace-aware. */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + e.getMessage(), e);
        }
    }

    /** The text of the first {@code cbc:<name>} directly under the document element, or null. */
    public static String top(Document doc, String name) {
        NodeList children = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && CBC.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /** Every {@code cbc:<name>} or {@code cac:<name>} element anywhere in the document. */
    public static NodeList all(Document doc, boolean aggregate, String name) {
        return doc.getElementsByTagNameNS(aggregate ? CAC : CBC, name);
    }

    /** The text of the first {@code cbc:<name>} inside {@code cac:<parent>}, or null. */
    public static String in(Document doc, String parent, String name) {
        NodeList parents = all(doc, true, parent);
        if (parents.getLength() == 0) {
            return null;
        }
        NodeList found = ((Element) parents.item(0)).getElementsByTagNameNS(CBC, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }
}
