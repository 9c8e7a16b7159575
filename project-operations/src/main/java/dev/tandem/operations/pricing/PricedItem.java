package dev.tandem.operations.pricing;

import java.util.UUID;

/** What is being priced: a role (per hour), a transaction category (expenses) or a product (materials). */
public sealed interface PricedItem {

    UUID id();

    /** Human name used in error messages, e.g. "role 'Developer'". */
    String describe();

    record Role(UUID id, String name) implements PricedItem {
        @Override
        public String describe() {
            return "role '" + name + "'";
        }
    }

    record Category(UUID id, String name) implements PricedItem {
        @Override
        public String describe() {
            return "category '" + name + "'";
        }
    }

    record Product(UUID id, String name) implements PricedItem {
        @Override
        public String describe() {
            return "product '" + name + "'";
        }
    }
}
