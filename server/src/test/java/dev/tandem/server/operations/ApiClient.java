package dev.tandem.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of the Project Operations API on 127.0.0.1, as an outside caller sees it: requests are JSON
 * text, answers are status, headers and parsed JSON. Paths are relative to {@code /api/operations}.
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String base;
    private final Map<String, String> headers;

    /** A client of the Project Operations API. */
    ApiClient(int port) {
        this(port, OperationsApi.BASE, Map.of());
    }

    private ApiClient(int port, String base, Map<String, String> headers) {
        this.port = port;
        this.base = base;
        this.headers = headers;
    }

    /** A client of another API of the server, e.g. {@code /api/finance}. */
    static ApiClient of(int port, String base) {
        return new ApiClient(port, base, Map.of());
    }

    /** A client that sends {@code name: value} on every request, e.g. an {@code Idempotency-Key}. */
    ApiClient header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(port, base, Map.copyOf(more));
    }

    /** An answer: status, headers and body. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** Asserts 201 with a Location that names the new id, and answers the id. */
        UUID created() {
            assertThat(status).as(body).isEqualTo(201);
            UUID id = UUID.fromString(json().get("id").asString());
            assertThat(headers.firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith("http://127.0.0.1:").endsWith("/" + id));
            return id;
        }

        /**
         * Asserts 202 Accepted with a Location on this server that names {@code path} (relative to the API base,
         * ending in the id the body names), and answers the body.
         */
        JsonNode accepted(String path) {
            assertThat(status).as(body).isEqualTo(202);
            JsonNode accepted = json();
            String located = OperationsApi.BASE + path + accepted.get("id").asString();
            assertThat(headers.firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith("http://127.0.0.1:").endsWith(located));
            return accepted;
        }

        /** The Location header, as a path relative to the API base, e.g. {@code /bulk-confirm-jobs/…}. */
        String locationPath() {
            String location = headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
            return location.substring(location.indexOf(OperationsApi.BASE) + OperationsApi.BASE.length());
        }

        /** Asserts 204 No Content. */
        void noContent() {
            assertThat(status).as(body).isEqualTo(204);
        }

        /** Asserts 200 and answers the JSON body. */
        JsonNode ok() {
            assertThat(status).as(body).isEqualTo(200);
            return json();
        }

        /** Asserts a problem+json answer with {@code status} and {@code code}, and no server internals in it. */
        JsonNode problem(int expectedStatus, String code) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType()).isEqualTo("application/problem+json");
            assertThat(body).doesNotContain("\tat ", "Exception", "java.", "tools.jackson", "SQL");
            JsonNode problem = json();
            assertThat(problem.get("code").asString()).isEqualTo(code);
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            return problem;
        }

        /** Asserts 400 {@code INVALID_INPUT} naming {@code field} first. */
        JsonNode invalidInput(String field) {
            JsonNode problem = problem(400, "INVALID_INPUT");
            assertThat(problem.get("field").asString()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
            return problem;
        }
    }

    /** A JSON object of name/value pairs, in order; {@code null} values are kept (unlike {@code Map.of}). */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    Reply get(String path) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).GET());
    }

    /** POST of {@code body}: a String is sent as is (to send broken JSON), anything else as its JSON. */
    Reply post(String path, Object body) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** POST of a body that is not JSON, e.g. a {@code text/csv} file or a {@code multipart/form-data} upload. */
    Reply post(String path, String contentType, byte[] body) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply post(String path) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply put(String path, Object body) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    Reply patch(String path, Object body) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
    }

    Reply delete(String path) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).DELETE());
    }

    private static String text(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
