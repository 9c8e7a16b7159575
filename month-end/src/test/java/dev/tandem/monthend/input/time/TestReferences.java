package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.References;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The folder the fixtures name: projects P-100 "ERP Rollout" and P-200 "Data Migration"; Anna Berg and Tom Weber
 * with e-mails, Lena Kraus without. Lookups are exact after trimming and case-insensitive, as {@link References}
 * says.
 */
final class TestReferences implements References {

    private static final Map<String, String> PROJECTS = Map.of(
            "p-100", "P-100", "erp rollout", "P-100",
            "p-200", "P-200", "data migration", "P-200");
    private static final Map<String, String> RESOURCES_BY_EMAIL = Map.of(
            "anna.berg@northwind.example", "Anna Berg",
            "tom.weber@northwind.example", "Tom Weber");
    private static final Map<String, String> RESOURCES_BY_NAME = Map.of(
            "anna berg", "Anna Berg", "tom weber", "Tom Weber", "lena kraus", "Lena Kraus");

    @Override
    public Optional<String> project(String numberOrName) {
        return Optional.ofNullable(PROJECTS.get(key(numberOrName)));
    }

    @Override
    public Optional<String> resource(String email, String name) {
        if (email != null && RESOURCES_BY_EMAIL.containsKey(key(email))) {
            return Optional.of(RESOURCES_BY_EMAIL.get(key(email)));
        }
        return Optional.ofNullable(RESOURCES_BY_NAME.get(key(name)));
    }

    @Override
    public boolean category(String name) {
        return false;
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
