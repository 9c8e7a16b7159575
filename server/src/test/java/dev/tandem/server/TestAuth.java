package dev.tandem.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the tests sign in (issue 15): every test server's first user is {@value #ADMIN}, holding every role, with the
 * password {@value #PASSWORD} (src/test/resources/config/application.properties), and the test clients send it as
 * HTTP Basic unless a test is about sign-in or permissions.
 */
public final class TestAuth {

    /** The first user of every test server. */
    public static final String ADMIN = "admin";
    /** Its password, as the test configuration sets it. */
    public static final String PASSWORD = "test-admin-password-15";
    /** The {@code Authorization} header value that signs in as {@link #ADMIN}. */
    public static final String ADMIN_BASIC = basic(ADMIN, PASSWORD);

    private TestAuth() {
    }

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request builder signed in as {@link #ADMIN}. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", ADMIN_BASIC);
    }
}
