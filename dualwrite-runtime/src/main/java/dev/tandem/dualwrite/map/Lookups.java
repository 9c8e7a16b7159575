package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;
import java.util.Map;

/** Reads rows of one app's entities for lookups: by the integration key or an alternate key. */
public interface Lookups {

    /** Rows of {@code entity} whose {@code keyField} is one of {@code keys}; see DataEntity#read. */
    List<Map<String, Object>> read(String entity, String keyField, List<?> keys);

    /** The definition of an entity of this app. */
    DataEntityDefinition definition(String entity);
}
