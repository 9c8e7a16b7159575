package dev.tandem.dualwrite.map;

import java.util.List;

/**
 * Legal-entity striping of a company-specific map (dual-write R31–R32): the source row's company (possibly through
 * lookups) goes to the target's company field, which is part of the integration key and is not a field mapping.
 * When {@code legalEntities} is not empty, only rows of those legal entities sync.
 *
 * @param source        source-entity field or path holding the legal entity
 * @param target        target-entity field taking it
 * @param legalEntities legal entities that sync; empty = all
 */
public record CompanyStriping(FieldPath source, String target, List<String> legalEntities) {

    public CompanyStriping {
        legalEntities = List.copyOf(legalEntities);
    }

    public boolean includes(Object legalEntity) {
        return legalEntities.isEmpty() || (legalEntity != null && legalEntities.contains(legalEntity.toString()));
    }
}
