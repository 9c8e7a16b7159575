package dev.tandem.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.TestAuth;
import dev.tandem.server.TestProbeSecurity;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.security.ApiPermissions;
import dev.tandem.server.security.Permission;
import dev.tandem.server.security.Role;
import dev.tandem.server.security.UserStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what (issue 15, acceptance 1–5; docs/security.md), over HTTP against a running server. Subclasses supply
 * the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.dualwrite.auto-run=true",
        // The matrix test signs in hundreds of times with a revoked token from 127.0.0.1; the address limit is a
        // test of its own (UserStoreTest), the user limit is acceptance 4 here.
        "tandem.security.max-failed-sign-ins-per-address=1000000",
        "tandem.security.lock-duration=PT10M"})
@ExtendWith(OutputCaptureExtension.class)
abstract class SecurityContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private UserStore users;

    @Autowired
    private Finance finance;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate operations;

    @Autowired
    @FinanceDatabase
    private JdbcTemplate financeJdbc;

    @Autowired
    @OperationsDatabase
    private DataSource operationsDb;

    @Autowired
    @FinanceDatabase
    private DataSource financeDb;

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer call(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** A user holding exactly {@code roles}; answers its Basic header. */
    private String user(String name, String password, Role... roles) {
        users.create(name, password, EnumSet.copyOf(List.of(roles)), "test");
        return TestAuth.basic(name, password);
    }

    /**
     * Acceptance 1: every operation of {@code /v3/api-docs} called with no credentials, a revoked token and each
     * role answers as {@link ApiPermissions} and {@link Role} say, for every operation; an operation without a rule
     * fails the test.
     */
    @Test
    void everyOperationAnswersAsThePermissionMatrixSays() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, user("m-" + role.text() + "-" + key, "matrix-password-" + key, role));
        }
        user("m-revoked-" + key, "matrix-password-" + key, Role.PROJECT_MANAGER);
        UserStore.CreatedToken token = users.createToken("m-revoked-" + key, "revoked",
                java.time.Duration.ofDays(1));
        assertThat(call("GET", "/api/me", "Bearer " + token.value(), null).status()).isEqualTo(200);
        users.revokeToken("m-revoked-" + key, token.token().id());
        String revoked = "Bearer " + token.value();

        JsonNode docs = call("GET", "/v3/api-docs", TestAuth.ADMIN_BASIC, null).json();
        List<String> unruled = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int operationsChecked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").properties().iterator();
             paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            if (template.startsWith(TestProbeSecurity.PROBES)) {
                continue; // test-only endpoints
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (entry.getValue().get(method) == null) {
                    continue;
                }
                operationsChecked++;
                String verb = method.toUpperCase(java.util.Locale.ROOT);
                String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String body = verb.equals("GET") || verb.equals("DELETE") ? null : "{}";
                boolean open = verb.equals("GET") && template.equals("/api/health");
                boolean anyUser = template.startsWith("/api/me") || template.startsWith("/v3/api-docs");
                List<ApiPermissions.Rule> rules = ApiPermissions.covering(verb, path);
                if (!open && !anyUser && rules.size() != 1) {
                    unruled.add(verb + " " + template + " has " + rules.size() + " rules");
                    continue;
                }
                Permission needed = rules.isEmpty() ? null : rules.getFirst().permission();
                expect(wrong, verb, path, null, body, open ? Set.of() : Set.of(401), "no credentials");
                expect(wrong, verb, path, revoked, body, open ? Set.of() : Set.of(401), "revoked token");
                for (Map.Entry<Role, String> role : roles.entrySet()) {
                    boolean allowed = open || anyUser || role.getKey().permissions().contains(needed);
                    Answer answer = call(verb, path, role.getValue(), body);
                    if (answer.status() >= 500) {
                        wrong.add(verb + " " + path + " as " + role.getKey().text() + ": " + answer.status());
                    } else if (allowed && (answer.status() == 401 || answer.status() == 403)) {
                        wrong.add(verb + " " + path + " as " + role.getKey().text() + ": " + answer.status()
                                + " but the matrix allows it: " + answer.body());
                    } else if (!allowed && (answer.status() != 403
                            || !needed.text().equals(answer.json().path("permission").asString("")))) {
                        wrong.add(verb + " " + path + " as " + role.getKey().text() + ": " + answer.status()
                                + " instead of 403 naming " + needed.text() + ": " + answer.body());
                    }
                }
            }
        }
        assertThat(unruled).as("operations without exactly one rule in ApiPermissions").isEmpty();
        assertThat(wrong).isEmpty();
        assertThat(operationsChecked).isGreaterThan(180);
    }

    private void expect(List<String> wrong, String verb, String path, String auth, String body, Set<Integer> statuses,
            String as) {
        Answer answer = call(verb, path, auth, body);
        if (answer.status() >= 500 || (!statuses.isEmpty() && !statuses.contains(answer.status()))) {
            wrong.add(verb + " " + path + " with " + as + ": " + answer.status() + " " + answer.body());
        }
    }

    /** Acceptance 2: neither a password nor a token is in any table or in the log, in clear text. */
    @Test
    void passwordsAndTokensAreNeverStoredOrLoggedInClearText(CapturedOutput output) throws SQLException {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String password = "clear-text-probe-" + key;
        Answer created = call("POST", "/api/admin/users", TestAuth.ADMIN_BASIC, "{\"username\": \"c-" + key
                + "\", \"password\": \"" + password + "\", \"roles\": [\"viewer\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String basic = TestAuth.basic("c-" + key, password);
        assertThat(call("GET", "/api/me", basic, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/me", TestAuth.basic("c-" + key, password + "-wrong"), null).status())
                .isEqualTo(401);
        Answer token = call("POST", "/api/me/tokens", basic, "{\"name\": \"probe\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        String tokenValue = token.json().get("token").asString();
        assertThat(call("GET", "/api/me", "Bearer " + tokenValue, null).status()).isEqualTo(200);
        Answer reset = call("POST", "/api/admin/users/c-" + key + "/reset-password", TestAuth.ADMIN_BASIC, null);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        String newPassword = reset.json().get("password").asString();
        assertThat(call("GET", "/api/me", TestAuth.basic("c-" + key, newPassword), null).status()).isEqualTo(200);

        String secret = tokenValue.substring(tokenValue.lastIndexOf('_') + 1);
        List<String> secrets = List.of(password, newPassword, secret);
        for (DataSource db : List.of(operationsDb, financeDb)) {
            assertThat(textsOf(db)).as("a table holds a secret in clear text")
                    .noneMatch(text -> secrets.stream().anyMatch(text::contains));
        }
        assertThat(users.find("c-" + key)).isPresent();
        assertThat(operations.queryForObject("SELECT password_hash FROM security_user WHERE username = ?",
                String.class, "c-" + key)).startsWith("{bcrypt}");
        for (String s : secrets) {
            assertThat(output.getAll()).as("the log").doesNotContain(s);
        }
    }

    /** Every text value of every table of a database. */
    private static List<String> textsOf(DataSource db) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                            || schema.equalsIgnoreCase("pg_catalog"))) {
                        continue;
                    }
                    tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME")
                            + "\"");
                }
            }
            for (String table : tables) {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value != null) {
                                texts.add(String.valueOf(value));
                            }
                        }
                    }
                }
            }
        }
        return texts;
    }

    /**
     * Acceptance 3: a project manager confirms an invoice over the API and the invoice, its actuals and the Finance
     * invoice proposal it causes carry their name; a viewer gets 403 for the same call and nothing is written.
     */
    @Test
    void aProjectManagersConfirmationCarriesTheirNameAndAViewersChangesNothing() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String pm = "pm-" + key;
        ApiClient asPm = new ApiClient(port).header("Authorization", user(pm, "pm-password-" + key,
                Role.PROJECT_MANAGER));
        ApiClient asViewer = new ApiClient(port).header("Authorization", user("v-" + key, "viewer-password-" + key,
                Role.VIEWER));
        ApiWorld world = PostingWorld.build(new ApiClient(port), finance, operations);
        world.readyTime(asPm, 8);
        JsonNode created = asPm.post("/contracts/" + world.contract() + "/invoices", ApiClient.object("invoiceDate",
                "2026-03-31")).json();
        String invoice = created.get("ids").get(0).asString();
        int actualsBefore = count("SELECT COUNT(*) FROM msdyn_actual");

        JsonNode refused = asViewer.post("/invoices/" + invoice + "/confirm").problem(403, "PERMISSION_REFUSED");
        assertThat(refused.get("permission").asString()).isEqualTo("invoice:confirm");
        assertThat(asPm.get("/invoices/" + invoice).ok().get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(count("SELECT COUNT(*) FROM msdyn_actual")).isEqualTo(actualsBefore);

        asPm.post("/invoices/" + invoice + "/confirm").ok();
        JsonNode confirmed = asPm.get("/invoices/" + invoice).ok();
        assertThat(operations.queryForObject("SELECT modifiedby FROM invoice WHERE invoiceid = ?", String.class,
                UUID.fromString(invoice))).isEqualTo(pm);
        List<String> actualAuthors = operations.queryForList("SELECT DISTINCT createdby FROM msdyn_actual WHERE "
                + "msdyn_invoice = ?", String.class, UUID.fromString(invoice));
        assertThat(actualAuthors).containsExactly(pm);
        String number = confirmed.get("number").asString();
        assertThat(financeJdbc.queryForList("SELECT createdby FROM projproposaljour WHERE proposalid = ?",
                String.class, number)).containsExactly(pm);
    }

    /**
     * Acceptance 4: ten failed sign-ins lock the user; the right password is then refused with a message that says
     * so and until when, and the lockout is in the security log.
     */
    @Test
    void tenFailedSignInsLockTheUserEvenAgainstTheRightPassword() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String right = user("l-" + key, "lock-password-" + key, Role.VIEWER);
        for (int i = 0; i < 10; i++) {
            Answer wrong = call("GET", "/api/me", TestAuth.basic("l-" + key, "not-the-password"), null);
            assertThat(wrong.status()).isEqualTo(401);
        }
        Answer locked = call("GET", "/api/me", right, null);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("code").asString()).isEqualTo("SIGN_IN_LOCKED");
        assertThat(locked.json().get("detail").asString()).contains("l-" + key).contains("locked until")
                .contains("10 failed sign-ins");
        assertThat(operations.queryForObject("SELECT COUNT(*) FROM security_event WHERE event_type = 'LOCKED_OUT' "
                + "AND username = ?", Integer.class, "l-" + key)).isOne();
        assertThat(operations.queryForObject("SELECT COUNT(*) FROM security_event WHERE event_type = "
                + "'SIGN_IN_FAILED' AND username = ?", Integer.class, "l-" + key)).isGreaterThanOrEqualTo(10);
        Answer log = call("GET", "/api/admin/security-events?type=LOCKED_OUT", TestAuth.ADMIN_BASIC, null);
        assertThat(log.body()).contains("l-" + key);
    }

    /**
     * Acceptance 5: a cross-origin POST without credentials and a request naming a foreign Host change nothing and
     * are refused; a page's state-changing form without its CSRF token is refused too.
     */
    @Test
    void aCrossOriginPostAndAForeignHostChangeNothing() throws Exception {
        String map = "/api/dualwrite/maps/msdyn_actuals";
        String before = call("GET", map, TestAuth.ADMIN_BASIC, null).json().get("state").asString();
        HttpRequest crossOrigin = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + map + "/stop"))
                .header("Origin", "http://evil.example").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();
        HttpResponse<String> refused = HTTP.send(crossOrigin, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isIn(401, 403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("no Basic prompt a browser would cache")
                .isEmpty();

        String foreign = raw("POST " + map + "/stop HTTP/1.1\r\nHost: evil.example:" + port + "\r\nAuthorization: "
                + TestAuth.ADMIN_BASIC + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(foreign).startsWith("HTTP/1.1 400").contains("REQUEST_REFUSED")
                .contains("does not answer for the host this request names (Host: evil.example)");

        Answer form = call("POST", "/logout", null, null);
        assertThat(form.status()).as("no CSRF token").isEqualTo(403);
        assertThat(call("GET", map, TestAuth.ADMIN_BASIC, null).json().get("state").asString()).isEqualTo(before);
    }

    /**
     * An {@code Idempotency-Key} belongs to its user: another user sending the same key and request gets 422
     * {@code IDEMPOTENCY_KEY_REUSED}, never the first user's stored answer.
     */
    @Test
    void anIdempotencyKeyIsNotReplayedToAnotherUser() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        ApiClient anna = new ApiClient(port).header("Authorization", user("ia-" + key, "anna-password-" + key,
                Role.PROJECT_MANAGER)).header("Idempotency-Key", "k-" + key);
        ApiClient ben = new ApiClient(port).header("Authorization", user("ib-" + key, "ben-password-" + key,
                Role.PROJECT_MANAGER)).header("Idempotency-Key", "k-" + key);
        Map<String, Object> body = ApiClient.object("accountNumber", "I-" + key, "name", "Idempotent " + key);
        UUID created = anna.post("/accounts", body).created();
        assertThat(anna.post("/accounts", body).created()).as("the same user's retry replays").isEqualTo(created);
        ben.post("/accounts", body).problem(422, "IDEMPOTENCY_KEY_REUSED");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                answer.append(line).append('\n');
            }
            return answer.toString();
        }
    }

    private int count(String sql) {
        Integer n = operations.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
