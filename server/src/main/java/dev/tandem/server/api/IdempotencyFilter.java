package dev.tandem.server.api;

import dev.tandem.common.TandemException;
import dev.tandem.server.database.FinanceDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@value Idempotency#HEADER} header on <b>every command</b> of the REST API (every {@code POST}, {@code PUT},
 * {@code PATCH} and {@code DELETE} under {@value #API}), in one place instead of per controller (issue 14, finding
 * 10), except the few whose answer holds a secret shown once ({@link #answersASecret}). A request with the header is
 * run once per key by the {@link Idempotency} store of the database the command
 * writes: {@code /api/finance/**} the finance database's, everything else (Project Operations, dual-write, …) the
 * operations database's.
 *
 * <ul>
 *   <li>A key names one request: method, path, and a SHA-256 of its query and body. A JSON body is hashed in canonical
 *       form (members sorted, whitespace dropped), so a retry that writes the same JSON differently is the same
 *       request. A {@code multipart/form-data} body is hashed part by part (name, file name, content type, bytes),
 *       so a retry with another boundary is the same request. Any other body (CSV, YAML) is hashed as its bytes.</li>
 *   <li>Replay, reuse, in-progress and lease: as {@link Idempotency} (a replay answers the first 2xx answer's status,
 *       body and {@code Location} with {@value Idempotency#REPLAYED_HEADER}{@code : true}; another request with the
 *       key is 422 {@code IDEMPOTENCY_KEY_REUSED}; while the first runs, 409 {@code IDEMPOTENCY_IN_PROGRESS}; only 2xx
 *       answers are stored, anything else releases the key).</li>
 *   <li>The work runs first and its answer is stored after it, in a transaction of its own ({@link Idempotency#run}):
 *       a server stopping between the two leaves the claim without an answer, and after the lease a retry runs the
 *       command again (the domain then refuses what no longer fits the state, e.g. approving an approved entry).</li>
 *   <li>Limits: a request with the header may carry at most {@value #MAX_HASHED_BODY} bytes outside multipart
 *       (larger: 413); a stored answer body is bounded by {@code tandem.idempotency.max-stored-body} and keys are kept
 *       for {@code tandem.idempotency.retention} (see {@link Idempotency}).</li>
 *   <li>The commands whose controllers call {@link Idempotency#once} themselves (they declare the header as a
 *       parameter) keep doing so — their work and stored answer commit in one transaction; the filter leaves them
 *       alone so a key is never claimed twice.</li>
 * </ul>
 * A request without the header runs as it always did.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class IdempotencyFilter extends OncePerRequestFilter {

    /** Path prefix of the REST API. */
    public static final String API = "/api/";
    /** The HTTP methods of commands. */
    public static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The largest body, in bytes, read and hashed for a request with a key (multipart bodies aside). */
    public static final int MAX_HASHED_BODY = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String FINANCE = "/api/finance";

    private final Idempotency operations;
    private final Idempotency finance;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final JsonMapper json;
    private final JsonMapper canonical;

    public IdempotencyFilter(Idempotency operations, @FinanceDatabase Idempotency finance,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
            JsonMapper json) {
        this.operations = operations;
        this.finance = finance;
        this.mappings = mappings;
        this.json = json;
        // Numbers are read exactly (a decimal is never rounded through a double), so two amounts that differ in the
        // 17th digit are two requests.
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
    }

    /**
     * Whether a request of this method to this path (without the context path) is a command the filter covers.
     * Every {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} under {@value #API} is.
     */
    public static boolean covers(String method, String path) {
        return COMMAND_METHODS.contains(method) && path.startsWith(API) && !answersASecret(path);
    }

    /**
     * The commands whose answer holds a secret shown once (a new personal API token, a reset password: issue 15):
     * their answer is never stored, so a key can't replay it; a retry makes a new one, and the first can be revoked.
     */
    public static boolean answersASecret(String path) {
        return path.startsWith("/api/me/tokens") || (path.startsWith("/api/admin/users/")
                && path.endsWith("/reset-password"));
    }

    /** Which store keeps the keys of a command on {@code path}: the one of the database the command writes. */
    Idempotency storeFor(String path) {
        return path.equals(FINANCE) || path.startsWith(FINANCE + "/") ? finance : operations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(Idempotency.HEADER) == null
                || !covers(request.getMethod(), pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (handledByController(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(Idempotency.HEADER);
        HttpServletRequest read;
        String hash;
        try {
            if (isMultipart(request)) {
                read = request;
                hash = multipartHash(request);
            } else {
                byte[] body = body(request);
                read = new ReadRequest(request, body);
                hash = Idempotency.sha256(fingerprintBytes(request, canonicalBody(request, body)));
            }
        } catch (TandemException refused) {
            problem(response, ProblemResponses.of(refused));
            return;
        } catch (IOException | IllegalStateException | ServletException unreadable) {
            // A body that can't be read (broken multipart, an aborted upload) is refused by the command itself; no
            // key is claimed for it, as for any request refused before its work.
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Idempotency.Answer answer;
        try {
            answer = storeFor(pathOf(request)).run(key, request.getMethod(), request.getRequestURI(), hash, () -> {
                try {
                    chain.doFilter(read, captured);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new ServletFailure(e);
                }
                return new Idempotency.Answer(captured.getStatus(), storedBody(captured),
                        captured.getHeader(HttpHeaders.LOCATION), false);
            });
        } catch (TandemException refused) {
            if (captured.getStatus() >= 200 && captured.getStatus() < 300 && captured.getContentSize() > 0) {
                // The work answered, but another request took the key over meanwhile: the client gets the refusal.
                LOG.info("answer of {} {} not stored: {}", request.getMethod(), request.getRequestURI(),
                        refused.detail());
            }
            captured.resetBuffer();
            problem(response, ProblemResponses.of(refused));
            return;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ServletFailure e) {
            throw e.failure;
        }
        if (answer.replayed()) {
            replay(response, answer);
            return;
        }
        captured.copyBodyToResponse();
    }

    /** Whether the handler of this request reads the header itself (the 17 commands that call Idempotency#once). */
    private boolean handledByController(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping == null) {
            return false;
        }
        HandlerExecutionChain handler;
        // The handler mapping matches on the parsed path, which DispatcherServlet caches only later: parse it here and
        // leave the request as it came.
        boolean parsed = !ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            if (parsed) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            handler = mapping.getHandler(request);
        } catch (Exception noHandler) {
            return false;
        } finally {
            if (parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
        if (handler == null || !(handler.getHandler() instanceof HandlerMethod method)) {
            return false;
        }
        for (var parameter : method.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && (Idempotency.HEADER.equalsIgnoreCase(header.name())
                    || Idempotency.HEADER.equalsIgnoreCase(header.value()))) {
                return true;
            }
        }
        return false;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_HASHED_BODY) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > MAX_HASHED_BODY) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static TandemException tooLarge() {
        return new TandemException(TooLarge.CONTENT_TOO_LARGE, "A request with an " + Idempotency.HEADER
                + " may carry at most " + MAX_HASHED_BODY + " bytes (multipart uploads aside)");
    }

    /** 413 with the code Spring MVC's errors use for the status ({@link ProblemResponses#withCode}). */
    private enum TooLarge implements dev.tandem.common.ErrorCode {
        CONTENT_TOO_LARGE;

        @Override
        public String code() {
            return HttpStatus.CONTENT_TOO_LARGE.name();
        }

        @Override
        public String title() {
            return "Content too large";
        }

        @Override
        public int httpStatus() {
            return HttpStatus.CONTENT_TOO_LARGE.value();
        }
    }

    /** A JSON body in canonical form (members sorted, no whitespace); any other body, or broken JSON, as it is. */
    private byte[] canonicalBody(HttpServletRequest request, byte[] body) {
        if (body.length == 0 || !isJson(request.getContentType())) {
            return body;
        }
        try {
            return canonical.writeValueAsBytes(canonical.readValue(body, Object.class));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** Query and body, each after a length, so no two requests run together into the same bytes. */
    private static byte[] fingerprintBytes(HttpServletRequest request, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        byte[] q = query.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((q.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(q);
        out.writeBytes((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The parts, by name, each with its file name, content type and bytes; the boundary is not part of it. */
    private static String multipartHash(HttpServletRequest request) throws IOException, ServletException {
        List<Part> parts = new ArrayList<>(request.getParts());
        parts.sort(Comparator.comparing(Part::getName).thenComparing(p -> String.valueOf(p.getSubmittedFileName())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        out.writeBytes(("query " + query.length() + ":" + query + "\n").getBytes(StandardCharsets.UTF_8));
        java.security.MessageDigest content;
        for (Part part : parts) {
            String head = "part " + part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType()
                    + "\n" + part.getSize() + ":";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = part.getInputStream()) {
                try {
                    content = java.security.MessageDigest.getInstance("SHA-256");
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException("every Java runtime has SHA-256", e);
                }
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    content.update(buffer, 0, n);
                }
            }
            out.writeBytes(java.util.HexFormat.of().formatHex(content.digest()).getBytes(StandardCharsets.US_ASCII));
        }
        return Idempotency.sha256(out.toByteArray());
    }

    /** The answer body as text to store: JSON (or no body) only; anything else isn't replayed with a body. */
    private static String storedBody(ContentCachingResponseWrapper response) {
        byte[] body = response.getContentAsByteArray();
        if (body.length == 0 || !isJson(response.getContentType())) {
            return null;
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void replay(HttpServletResponse response, Idempotency.Answer answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(Idempotency.REPLAYED_HEADER, "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.body() != null) {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Writes a problem+json answer, as {@link ApiExceptionHandler} would for the same refusal. */
    private void problem(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** Carries a {@link ServletException} of the chain through {@link Idempotency#run}'s supplier. */
    private static final class ServletFailure extends RuntimeException {
        final ServletException failure;

        ServletFailure(ServletException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    /** The request with its body already read, served again from memory to the command. */
    private static final class ReadRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
