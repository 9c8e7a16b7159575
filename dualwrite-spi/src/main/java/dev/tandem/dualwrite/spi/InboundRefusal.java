package dev.tandem.dualwrite.spi;

import dev.tandem.common.TandemException;
import java.util.List;

/**
 * Why the inbound pipeline ({@link InboundPipeline}) refuses a delivery, before the app's business rules see it. The
 * pipeline decides; the app words it ({@link Wording}): each app keeps its error codes and the sentences its users
 * know, and both apps refuse for the same reasons.
 *
 * <p>{@code row} is how the refusal names the row: the entity's noun and the row's key ("Actual 0196…",
 * "Invoice proposal PP-1", see {@link InboundRule#rowName}).
 */
public sealed interface InboundRefusal {

    /** The data entity's name, e.g. {@code msdyn_actuals}. */
    String entity();

    /** How an app turns a refusal into the exception the runtime shows (live sync) or keeps in the error log. */
    @FunctionalInterface
    interface Wording {
        TandemException refuse(InboundRefusal refusal);
    }

    /** The entity takes no writes from dual-write: its app is the master of its rows. */
    record EntityReadOnly(String entity) implements InboundRefusal {
    }

    /**
     * A delivered row has no value (or a blank one) for the key it is written by.
     *
     * @param noun     how the entity's rows are named, e.g. "Invoice proposal"
     * @param position the row's position in the delivery, from 1
     */
    record KeyMissing(String entity, String keyField, String noun, int position) implements InboundRefusal {
    }

    /** A delivered row names a field the entity does not have. */
    record UnknownField(String entity, String row, String field) implements InboundRefusal {
    }

    /**
     * A delivered row writes a field dual-write may not write: a read-only field of the entity, or one outside what
     * the entity's rule accepts.
     *
     * @param writable the fields a delivered row may carry
     */
    record ReadOnlyField(String entity, String row, String field, List<String> writable) implements InboundRefusal {
    }

    /**
     * A delivered value can't be converted to its column's type without loss (a bad id or date, a decimal with more
     * decimals than the column keeps).
     *
     * @param type the simple name of the column's Java type, e.g. {@code BigDecimal}
     */
    record DoesNotFit(String entity, String row, String field, Object value, String type) implements InboundRefusal {
    }

    /** A delivered text is longer than its column holds. */
    record TooLong(String entity, String row, String field, String value, int maxLength) implements InboundRefusal {
    }

    /**
     * Rows of an entity that does not allow deletes by sync were to be deleted.
     *
     * @param noun   how the entity's rows are named, e.g. "Actual"
     * @param keys   the keys of the delete, as delivered
     * @param reason why the entity refuses deletes ({@link InboundRule#whyNoDeletes})
     */
    record DeleteRefused(String entity, String noun, List<?> keys, String reason) implements InboundRefusal {
        public DeleteRefused {
            keys = List.copyOf(keys);
        }
    }
}
