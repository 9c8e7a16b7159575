package dev.tandem.server.admission;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.server.api.ProblemResponses;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.database.OperationsDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many API requests work on the databases at once (issue 14, acceptance 2). A request of one app holds a
 * connection of its pool while live sync applies its changes to the other app with a connection of that pool
 * (DESIGN §3: before the source commits). Fifty clients marking actuals and posting journals at once filled both
 * pools with requests each waiting for the other pool, and the server stopped answering until the pools' 30 s
 * timeouts broke the cycle with 500s. At most {@code permits} requests run at once, fewer than the smaller pool's
 * connections, so neither pool can be held entirely by requests that wait for the other: the cycle can't close.
 *
 * <p>A request waits for its turn in arrival order up to {@code tandem.admission.wait} (default 10 s), then is
 * answered 503 {@code CONTENTION} with {@code Retry-After}, having done nothing. {@code GET /api/health} is never
 * held back: it checks the databases through connections of its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestAdmission extends OncePerRequestFilter {

    /** Connections of each pool kept out of the requests' reach: background jobs, confirmations, sync workers. */
    static final int RESERVED_CONNECTIONS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(RequestAdmission.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    /**
     * @param operations the Project Operations pool
     * @param finance    the Finance pool
     * @param wait       how long a request waits for its turn before 503 (ISO-8601 duration, e.g. {@code PT10S})
     */
    public RequestAdmission(@OperationsDatabase DataSource operations, @FinanceDatabase DataSource finance,
                            @Value("${tandem.admission.wait:PT10S}") Duration wait) {
        this.size = Math.max(1, Math.min(poolSize(operations), poolSize(finance)) - RESERVED_CONNECTIONS);
        this.permits = new Semaphore(size, true);
        this.wait = wait;
    }

    /** The number of requests that may work at once. */
    public int size() {
        return size;
    }

    private static int poolSize(DataSource dataSource) {
        return dataSource instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : 10;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || path.equals("/api/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            LOG.info("{} {} waited {} for one of {} request slots and was turned away", request.getMethod(),
                    request.getRequestURI(), wait, size);
            ProblemDetail problem = ProblemResponses.contention();
            response.setStatus(problem.getStatus());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
            response.getOutputStream().write(JSON.writeValueAsBytes(body));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
