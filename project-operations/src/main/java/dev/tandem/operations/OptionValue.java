package dev.tandem.operations;

import java.util.Arrays;

/** A Dataverse option-set value: the integer stored in the database and synced, and its label. */
public interface OptionValue {

    int value();

    String label();

    /**
     * Finds the constant of {@code type} with the given stored value.
     *
     * @throws IllegalArgumentException for a value the option set does not have
     */
    static <E extends Enum<E> & OptionValue> E of(Class<E> type, int value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value() == value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no value " + value));
    }
}
