package dev.tandem.operations.rows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The data-entity field (Dataverse logical name, e.g. {@code msdyn_actualid}) a component of a typed row record
 * holds. This annotation is the one place a row record names its fields; {@link EntityRows} converts the record to
 * and from the map image the data-entity writer takes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface EntityField {

    /** The field's logical name. */
    String value();
}
