package dev.tandem.dualwrite.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Row images to and from JSON, decimals kept exact (never through {@code double}). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    static String write(Map<String, Object> row) {
        return row == null ? null : MAPPER.writeValueAsString(row);
    }

    static Map<String, Object> read(String json) {
        if (json == null) {
            return null;
        }
        return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** A list of row-like documents (e.g. a batch's undo images) as one JSON array. */
    static String writeAll(List<? extends Map<String, Object>> documents) {
        return MAPPER.writeValueAsString(documents);
    }

    /** A JSON array written by {@link #writeAll}; values in JSON types as {@link #read} gives them. */
    static List<LinkedHashMap<String, Object>> readAll(String json) {
        return MAPPER.readValue(json, new TypeReference<List<LinkedHashMap<String, Object>>>() {
        });
    }
}
