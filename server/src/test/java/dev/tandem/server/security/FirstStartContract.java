package dev.tandem.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.TestAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first start on databases without users (issue 15): the server creates {@code admin} with every role and prints
 * a random password once, which signs in; the web pages ask for sign-in. Subclasses supply the databases.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class,
        properties = "tandem.security.initial-admin-password=")
abstract class FirstStartContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private UserStore users;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstStartPrintsTheAdministratorsPasswordOnceAndItSignsIn(CapturedOutput output) throws Exception {
        List<String> lines = output.getOut().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("First start: created user 'admin'"))
                .findFirst().orElseThrow(() -> new AssertionError("no first-start message in:\n" + output)));
        String password = lines.subList(at + 1, lines.size()).stream().map(String::trim).filter(l -> !l.isEmpty())
                .findFirst().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(UserStore.MIN_PASSWORD);
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(password), -1)).as("printed once").hasSize(2);
        assertThat(users.require(FirstUser.ADMIN).roles()).containsExactlyInAnyOrder(Role.values());

        HttpResponse<String> me = get("/api/me", TestAuth.basic(FirstUser.ADMIN, password));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("invoice:confirm", "user:manage", "\"project-manager\"");
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
    }
}
