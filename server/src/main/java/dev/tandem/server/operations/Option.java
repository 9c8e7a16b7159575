package dev.tandem.server.operations;

import dev.tandem.operations.OptionValue;

/**
 * How a response writes a Dataverse option-set field ({@code msdyn_billingmethod}, {@code msdyn_transactiontypecode},
 * …): {@code {"name":"TIME_AND_MATERIAL","value":192350000,"label":"Time and Material"}}. {@code name} is what
 * requests send for the field; {@code value} is the integer stored and synced by the table maps; {@code label} is the
 * original's display text. An unset option field is {@code null}. Tandem's own enums that have no Dataverse value
 * (work entry status, chargeability component type, NTE level) are plain strings.
 *
 * @param name  the enum constant's name, as accepted in requests
 * @param value the Dataverse integer
 * @param label the display label of the original
 */
public record Option(String name, int value, String label) {

    /** The option of {@code constant}; {@code null} for {@code null}. */
    public static <E extends Enum<E> & OptionValue> Option of(E constant) {
        return constant == null ? null : new Option(constant.name(), constant.value(), constant.label());
    }
}
