package dev.tandem.monthend.input;

import java.util.Optional;

/**
 * {@link References} of an input folder: projects by number or name (projects.csv), resources by e-mail then name
 * (resources.csv), expense categories (the category items of price-lists.csv). Trimmed and case-insensitive; the
 * results are the keys as the folder defines them.
 */
final class FolderReferences implements References {

    private final ProjectsFile projects;
    private final ResourcesFile resources;
    private final PriceListsFile priceLists;

    FolderReferences(ProjectsFile projects, ResourcesFile resources, PriceListsFile priceLists) {
        this.projects = projects;
        this.resources = resources;
        this.priceLists = priceLists;
    }

    @Override
    public Optional<String> project(String numberOrName) {
        Optional<String> byNumber = projects.numbers.find(numberOrName);
        return byNumber.isPresent() ? byNumber : projects.names.find(numberOrName);
    }

    @Override
    public Optional<String> resource(String email, String name) {
        Optional<String> byEmail = email == null || email.isBlank() ? Optional.empty() : resources.emails.find(email);
        return byEmail.isPresent() ? byEmail : resources.names.find(name);
    }

    @Override
    public boolean category(String name) {
        return categoryName(name).isPresent();
    }

    /** The expense category {@code name} as price-lists.csv writes it. */
    Optional<String> categoryName(String name) {
        return priceLists.categories.find(name);
    }

    /** Whether the files that define projects, resources and categories were read, so unknown means undefined. */
    boolean complete() {
        return projects.numbers.complete() && resources.names.complete() && priceLists.categories.complete();
    }
}
