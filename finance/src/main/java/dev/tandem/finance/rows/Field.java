package dev.tandem.finance.rows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The data-entity field (table column) a component of a typed row record stands for, where it is not the component's
 * name in lower case: {@code @Field("projid") String projectId}. A component without it is the field
 * {@code name.toLowerCase(Locale.ROOT)} ({@code transactionCurrencyId} → {@code transactioncurrencyid}).
 * {@link RowRecords} reads these names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface Field {

    /** The field's name, lower case, as the data entity and the table name it; empty for the component's name. */
    String value() default "";

    /**
     * Whether the column is fixed-length text ({@code CHAR(n)}, such as a currency code): a value read from it loses
     * the blanks the database pads it with.
     */
    boolean padded() default false;
}
