package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the server on 127.0.0.1, as an outside caller sees it; paths are absolute. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    /** An answer: status, headers and body. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
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
    }

    Reply get(String path) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).GET());
    }

    /** POST of a JSON body (a String as is, anything else as its JSON); {@code null}: no body. */
    Reply post(String path, Object body, String... headers) {
        HttpRequest.Builder request = dev.tandem.server.TestAuth.request(uri(path));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** POST of a YAML text. */
    Reply postYaml(String path, String yaml) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    /** PUT of a YAML text. */
    Reply putYaml(String path, String yaml) {
        return send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
