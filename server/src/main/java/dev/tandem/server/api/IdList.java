package dev.tandem.server.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * Body of a bulk action on rows named by id: {@code {"ids":["…","…"]}}. Bulk actions are all-or-nothing: one
 * refused row refuses the call and nothing is written.
 *
 * @param ids the rows, at least one; in the order the action treats them
 */
public record IdList(@NotEmpty List<@NotNull UUID> ids) {
}
