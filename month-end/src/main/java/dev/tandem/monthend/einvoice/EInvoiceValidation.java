package dev.tandem.monthend.einvoice;

import com.helger.diagnostics.error.IError;
import com.helger.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates UBL documents offline with the official rules: the OpenPeppol BIS Billing 3.0 validation artefacts
 * (release 2026-05, which run the UBL 2.1 schema, the CEN EN 16931 schematron and the Peppol schematron with its
 * national rules, e.g. DE-R-… for a German seller) through phive. The rules are compiled once per JVM, on first use
 * (about 7 s); each validation after that takes 0.1–0.2 s. Thread-safe.
 */
public final class EInvoiceValidation {

    /**
     * One finding of a rule: its id (e.g. {@code BR-CO-10}, {@code PEPPOL-EN16931-R120}; the XSD for schema errors),
     * its text, where in the document it is (an XPath when the rule gives one) and whether it is an error (a document
     * with an error is not conformant) or a warning.
     */
    public record Finding(boolean error, String ruleId, String text, String location) {

        @Override
        public String toString() {
            return (error ? "ERROR " : "WARNING ") + ruleId + ": " + text + (location == null ? "" : " at " + location);
        }
    }

    /** The findings of one document; {@link #valid()} when none is an error. */
    public record Result(List<Finding> findings) {

        public Result {
            findings = List.copyOf(findings);
        }

        public boolean valid() {
            return errors().isEmpty();
        }

        public List<Finding> errors() {
            return findings.stream().filter(Finding::error).toList();
        }

        public List<Finding> warnings() {
            return findings.stream().filter(f -> !f.error()).toList();
        }
    }

    private static final Pattern RULE_IN_TEXT = Pattern.compile("^\\[([A-Za-z0-9-]+)\\]\\s*(.*)$", Pattern.DOTALL);

    private EInvoiceValidation() {
    }

    /** The one registry of this JVM, made on first use (holder idiom). */
    private static final class Registry {
        static final ValidationExecutorSetRegistry<IValidationSourceXML> INSTANCE = create();

        private static ValidationExecutorSetRegistry<IValidationSourceXML> create() {
            ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
            EN16931Validation.initEN16931(registry);
            PeppolValidation.initStandard(registry);
            return registry;
        }
    }

    /**
     * Validates a UBL 2.1 invoice or credit note (chosen by {@code creditNote}) against Peppol BIS Billing 3.0.
     *
     * @param xml the document as written by {@link UblEInvoice#xml}
     * @return every finding; {@link Result#valid()} when there is no error
     */
    public static Result validate(byte[] xml, boolean creditNote) {
        IValidationExecutorSet<IValidationSourceXML> rules = Registry.INSTANCE.getOfID(creditNote
                ? PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
                : PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3);
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), rules, ValidationSourceXML.create(new ReadableResourceByteArray(
                        xml)));
        List<Finding> findings = new ArrayList<>();
        results.forEachFlattened(e -> findings.add(finding(e)));
        return new Result(findings);
    }

    private static Finding finding(IError e) {
        String text = e.getErrorText(Locale.ROOT);
        String id = e.getErrorID();
        if (text != null) {
            Matcher m = RULE_IN_TEXT.matcher(text.strip());
            if (m.matches()) {
                id = id == null ? m.group(1) : id;
                text = m.group(2);
            }
        }
        String location = e.getErrorFieldName();
        if (location == null && e.hasErrorLocation()) {
            location = e.getErrorLocation().getAsString();
        }
        return new Finding(e.getErrorLevel().isError(), id == null ? "XSD" : id, text == null ? "" : text.strip(),
                location);
    }
}
