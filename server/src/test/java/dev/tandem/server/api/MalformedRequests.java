package dev.tandem.server.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives, from an OpenAPI document ({@code /v3/api-docs}), a bounded set of malformed requests for every operation
 * it describes: bad path ids, bad page parameters, wrong content types, malformed and oversized bodies, and for JSON
 * bodies one mutation per member and kind (missing, null, wrong type, extreme numbers and dates, long and
 * control-character strings, 4-letter currencies, unknown enum values, {@code [null]} list elements, duplicate and
 * unknown members). The set depends only on the document and the seed, so a failure replays; an operation added to
 * the API is covered without editing anything here.
 */
final class MalformedRequests {

    /** One HTTP request to send: method, path with query, content type (or {@code null}) and body bytes. */
    record Probe(String operation, String kind, String method, String path, String contentType, byte[] body) {

        @Override
        public String toString() {
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " [" + kind + "]";
        }
    }

    /** Most body mutations of one operation; beyond it a seeded sample is taken. */
    static final int MAX_BODY_PROBES_PER_OPERATION = 48;
    private static final String LONG_TEXT = "x".repeat(100_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Random random;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> knownPathValues;

    /**
     * @param document        the OpenAPI document
     * @param seed            seed of the sampling and of the generated ids
     * @param knownPathValues path parameter name → a value of a row that exists (e.g. {@code dataAreaId}), so that
     *                        body mutations reach the code behind the lookup of the parent
     */
    MalformedRequests(JsonNode document, long seed, Map<String, String> knownPathValues) {
        this.document = document;
        this.random = new Random(seed);
        this.knownPathValues = knownPathValues;
    }

    /** Every probe of every operation, in document order. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        JsonNode paths = document.get("paths");
        for (String template : paths.propertyNames()) {
            JsonNode item = paths.get(template);
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (item.has(method)) {
                    probes.addAll(probesOf(template, method.toUpperCase(), item.get(method)));
                }
            }
        }
        return probes;
    }

    private List<Probe> probesOf(String template, String method, JsonNode operation) {
        String name = method + " " + template;
        List<Probe> probes = new ArrayList<>();
        List<JsonNode> pathParameters = new ArrayList<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        for (JsonNode parameter : iterable(operation.get("parameters"))) {
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                pathParameters.add(parameter);
            } else if (in.equals("query")) {
                queryParameters.add(parameter);
            }
        }
        Map<String, String> goodPath = new LinkedHashMap<>();
        for (JsonNode parameter : pathParameters) {
            goodPath.put(parameter.get("name").asString(), goodPathValue(parameter));
        }
        String goodQuery = goodQuery(queryParameters);
        JsonNode content = operation.path("requestBody").path("content");
        String bodyType = content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next() : null;
        byte[] goodBody = bodyType == null ? null : goodBody(bodyType, content.get(bodyType).path("schema"));

        // Bad ids and values in the path.
        for (JsonNode parameter : pathParameters) {
            String parameterName = parameter.get("name").asString();
            for (String bad : List.of("not-an-id", "%00", "%20x%20", "..%2F..%2Fetc", "-1", "9".repeat(40),
                    "x".repeat(3000), UUID.randomUUID().toString(), "%E2%80%AE%0D%0A", "null")) {
                Map<String, String> values = new LinkedHashMap<>(goodPath);
                values.put(parameterName, bad);
                probes.add(new Probe(name, "path " + parameterName + "=" + abbreviate(bad), method,
                        expand(template, values, false) + goodQuery, bodyType, goodBody));
            }
        }
        String path = expand(template, goodPath, true);
        // Bad query parameters (pages above all).
        for (JsonNode parameter : queryParameters) {
            String parameterName = parameter.get("name").asString();
            for (String bad : List.of("-1", "0", "abc", "99999999999", "2147483647", "1e3", "", "%00",
                    "x".repeat(5000))) {
                probes.add(new Probe(name, "query " + parameterName + "=" + abbreviate(bad), method,
                        path + "?" + parameterName + "=" + bad, bodyType, goodBody));
            }
        }
        // Wrong content types and oversized bodies, on every operation (those without a body too).
        byte[] garbage = "\u0000\u00ff{<\"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=zz", "application/json;charset=nonsense", "image/png")) {
            probes.add(new Probe(name, "content type " + type, method, path + goodQuery, type, garbage));
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            probes.add(new Probe(name, "oversized " + bodyType, method, path + goodQuery,
                    bodyType == null ? "application/json" : bodyType, oversized(bodyType)));
        }
        if (bodyType == null) {
            return probes;
        }
        List<Probe> bodyProbes = new ArrayList<>();
        if (bodyType.contains("json")) {
            JsonNode schema = resolve(content.get(bodyType).path("schema"));
            for (var entry : jsonBodies(schema).entrySet()) {
                bodyProbes.add(new Probe(name, entry.getKey(), method, path + goodQuery, bodyType,
                        entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        } else if (bodyType.contains("multipart")) {
            bodyProbes.add(raw(name, method, path + goodQuery, "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n\u0000garbage"));
            bodyProbes.add(raw(name, method, path + goodQuery, "multipart/form-data", "--no-boundary--"));
            bodyProbes.add(raw(name, method, path + goodQuery, "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n"));
            bodyProbes.add(raw(name, method, path + goodQuery, "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n"
                            + "Date,USD\r\n9999-99-99,1e10\r\n--b--\r\n"));
        } else {
            // Text bodies: CSV, YAML.
            for (String text : List.of("", "\u0000\u0001\u0002", "a: [b: {c", "Date,USD\n2025-13-45,-1\n",
                    "Date,USD,EURO\n2025-01-02T10:00:00,1e10,x\n", "a: &a [*a, *a, *a]\nb: *a\n",
                    aliasBomb(), "- " + LONG_TEXT, "key: !!java.lang.Runtime {}\n")) {
                bodyProbes.add(raw(name, method, path + goodQuery, bodyType, text));
            }
        }
        if (bodyProbes.size() > MAX_BODY_PROBES_PER_OPERATION) {
            Collections.shuffle(bodyProbes, random);
            bodyProbes = bodyProbes.subList(0, MAX_BODY_PROBES_PER_OPERATION);
        }
        probes.addAll(bodyProbes);
        return probes;
    }

    /** Whole-body and per-member mutations of a JSON body, by kind. */
    private Map<String, String> jsonBodies(JsonNode schema) {
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode good = example(schema, 0);
        String goodText = good.toString();
        bodies.put("malformed JSON", goodText.isEmpty() ? "{" : goodText.substring(0, goodText.length() / 2 + 1));
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("trailing tokens", goodText + " {}");
        bodies.put("wrong top-level type", good.isArray() ? "{}" : "[]");
        bodies.put("number top-level", "1e10");
        bodies.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        if (good.isArray()) {
            bodies.put("[null]", "[null]");
            bodies.put("empty list", "[]");
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 20_000; i++) {
                many.add(good.isEmpty() ? NODES.nullNode() : good.get(0));
            }
            bodies.put("20000 elements", many.toString());
            if (!good.isEmpty() && good.get(0).isObject()) {
                JsonNode items = resolve(schema.path("items"));
                for (var entry : memberMutations((ObjectNode) good.get(0), items).entrySet()) {
                    ArrayNode list = NODES.arrayNode().add(entry.getValue());
                    bodies.put("element " + entry.getKey(), list.toString());
                }
            }
        } else if (good.isObject()) {
            ObjectNode object = (ObjectNode) good;
            bodies.put("unknown member", object.deepCopy().put("noSuchMember", 1).toString());
            Iterator<String> names = object.propertyNames().iterator();
            if (names.hasNext()) {
                String first = names.next();
                String duplicate = "{\"" + first + "\":" + object.get(first) + ","
                        + goodText.substring(1);
                bodies.put("duplicate member " + first, duplicate);
            }
            for (var entry : memberMutations(object, schema).entrySet()) {
                bodies.put(entry.getKey(), entry.getValue().toString());
            }
        }
        return bodies;
    }

    private Map<String, JsonNode> memberMutations(ObjectNode good, JsonNode schema) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        JsonNode properties = schema.path("properties");
        for (String member : properties.propertyNames()) {
            JsonNode property = resolve(properties.get(member));
            ObjectNode missing = good.deepCopy();
            missing.remove(member);
            bodies.put("missing " + member, missing);
            for (var bad : badValues(property).entrySet()) {
                ObjectNode body = good.deepCopy();
                body.set(member, bad.getValue());
                bodies.put(member + " " + bad.getKey(), body);
            }
        }
        return bodies;
    }

    /** Values that a member of this schema must refuse (or, for some optional members, may accept). */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = type(schema);
        String format = schema.path("format").asString("");
        values.put("null", NODES.nullNode());
        values.put("object", NODES.objectNode().put("a", 1));
        values.put("[null]", NODES.arrayNode().addNull());
        switch (type) {
            case "number", "integer" -> {
                values.put("1e10", NODES.numberNode(new java.math.BigDecimal("1e10")));
                values.put("-1", NODES.numberNode(-1));
                values.put("0", NODES.numberNode(0));
                values.put("huge scale", NODES.numberNode(new java.math.BigDecimal("1." + "1".repeat(60))));
                values.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
                values.put("as string", NODES.stringNode("10"));
                values.put("boolean", NODES.booleanNode(true));
            }
            case "boolean" -> {
                values.put("as string", NODES.stringNode("true"));
                values.put("number", NODES.numberNode(1));
            }
            case "array" -> {
                values.put("[null] element", NODES.arrayNode().addNull());
                values.put("scalar", NODES.stringNode("x"));
                ArrayNode many = NODES.arrayNode();
                JsonNode element = example(resolve(schema.path("items")), 1);
                for (int i = 0; i < 20_000; i++) {
                    many.add(element);
                }
                values.put("20000 elements", many);
            }
            case "object" -> values.put("scalar", NODES.stringNode("x"));
            default -> {
                values.put("number", NODES.numberNode(20250101));
                values.put("boolean", NODES.booleanNode(false));
                values.put("100k chars", NODES.stringNode(LONG_TEXT));
                values.put("control characters", NODES.stringNode("A\u0000B\u0007\n\u001b"));
                values.put("blank", NODES.stringNode(" "));
                values.put("4 letters", NODES.stringNode("EURO"));
                values.put("date 9999-12-31", NODES.stringNode("9999-12-31"));
                values.put("date 0000-01-01", NODES.stringNode("0000-01-01"));
                values.put("date-time", NODES.stringNode("2025-01-15T10:00:00"));
                values.put("date-time Z", NODES.stringNode("2025-01-15T10:00:00Z"));
                if (schema.has("enum")) {
                    values.put("unknown enum value", NODES.stringNode("NO_SUCH_VALUE"));
                    values.put("enum lower case", NODES.stringNode(schema.get("enum").get(0).asString().toLowerCase()));
                }
                if (format.equals("uuid")) {
                    values.put("not a uuid", NODES.stringNode("not-a-uuid"));
                    values.put("unknown uuid", NODES.stringNode(UUID.randomUUID().toString()));
                }
                if (format.equals("date")) {
                    values.put("impossible date", NODES.stringNode("2025-02-30"));
                }
            }
        }
        return values;
    }

    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                JsonNode properties = schema.path("properties");
                for (String member : properties.propertyNames()) {
                    object.set(member, example(properties.get(member), depth + 1));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("1.5"));
            case "boolean" -> NODES.booleanNode(false);
            default -> switch (schema.path("format").asString("")) {
                case "uuid" -> NODES.stringNode(new UUID(random.nextLong(), random.nextLong()).toString());
                case "date" -> NODES.stringNode("2025-01-15");
                case "date-time" -> NODES.stringNode("2025-01-15T10:00:00Z");
                default -> NODES.stringNode("FZ");
            };
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
            return "string";
        }
        return type.asString();
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private byte[] goodBody(String type, JsonNode schema) {
        if (type.contains("json")) {
            return json.writeValueAsBytes(example(schema, 0));
        }
        return "x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] oversized(String type) {
        // Just above the documented limit of the media type (docs/api.md "Limits").
        byte[] body = new byte[Math.toIntExact(RequestLimits.bodyLimit(type == null ? "application/json" : type) + 1)];
        if (type == null || type.contains("json")) {
            // One long JSON string: valid JSON, so only a size limit refuses it.
            java.util.Arrays.fill(body, (byte) 'a');
            body[0] = '"';
            body[body.length - 1] = '"';
        } else {
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i % 64 == 63 ? '\n' : 'a');
            }
        }
        return body;
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            String previous = i == 1 ? "*a0x" : "*a" + (i - 1);
            yaml.append(String.join(", ", Collections.nCopies(10, previous))).append("]\n");
        }
        return "a0x: &a0x [x, x, x, x, x, x, x, x, x, x]\n" + yaml.substring(yaml.indexOf("\n") + 1);
    }

    private String goodPathValue(JsonNode parameter) {
        String name = parameter.get("name").asString();
        if (knownPathValues.containsKey(name)) {
            return knownPathValues.get(name);
        }
        JsonNode schema = resolve(parameter.path("schema"));
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        return switch (schema.path("format").asString("")) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" -> "2025-01-15";
            default -> schema.has("enum") ? schema.get("enum").get(0).asString() : "FZ";
        };
    }

    private String goodQuery(List<JsonNode> queryParameters) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : queryParameters) {
            if (parameter.path("required").asBoolean(false)) {
                String value = goodPathValue(parameter);
                pairs.add(parameter.get("name").asString() + "=" + value);
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String expand(String template, Map<String, String> values, boolean encode) {
        String path = template;
        for (var entry : values.entrySet()) {
            String value = encode ? java.net.URLEncoder.encode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20") : entry.getValue();
            path = path.replace("{" + entry.getKey() + "}", value);
        }
        return path;
    }

    private static Probe raw(String name, String method, String path, String type, String body) {
        return new Probe(name, type + " " + abbreviate(body), method, path, type,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + text.length() + ")" : printable;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node::iterator;
    }
}
