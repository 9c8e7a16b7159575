package dev.tandem.operations.rows;

import dev.tandem.dualwrite.AppContext;
import java.time.OffsetDateTime;

/**
 * The Dataverse audit fields every data-entity row carries: when and by whom it was created and last modified
 * (timestamps in UTC). A component of this type in a row record stands for these four fields.
 */
public record Audit(@EntityField("createdon") OffsetDateTime createdOn,
                    @EntityField("createdby") String createdBy,
                    @EntityField("modifiedon") OffsetDateTime modifiedOn,
                    @EntityField("modifiedby") String modifiedBy) {

    /** The audit of a row created now by the context's current user. */
    public static Audit created(AppContext ctx) {
        OffsetDateTime now = ctx.now();
        String user = ctx.user();
        return new Audit(now, user, now, user);
    }
}
