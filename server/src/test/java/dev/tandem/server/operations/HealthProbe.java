package dev.tandem.server.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The health probe of the load tests (issue 14, "the server keeps answering health checks under any load"): asks
 * {@code /api/health} every 100 ms until {@code until} (a {@link System#nanoTime} deadline), each time with a 1 s
 * time-out, keeps the slowest answer in milliseconds, and adds every answer that is not 200 in time to
 * {@code unexpected}.
 */
final class HealthProbe implements Callable<Void> {

    private final Supplier<URI> health;
    private final long until;
    private final AtomicLong slowestMillis;
    private final List<String> unexpected;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * @param health        the health URL to ask, chosen anew for each probe (several servers: any of them)
     * @param until         when to stop, as {@link System#nanoTime}
     * @param slowestMillis the slowest answer so far, in milliseconds
     * @param unexpected    where answers that are not 200 within a second are reported
     */
    HealthProbe(Supplier<URI> health, long until, AtomicLong slowestMillis, List<String> unexpected) {
        this.health = health;
        this.until = until;
        this.slowestMillis = slowestMillis;
        this.unexpected = unexpected;
    }

    @Override
    public Void call() throws InterruptedException {
        while (System.nanoTime() < until) {
            long start = System.nanoTime();
            HttpResponse<String> answer = send(http, dev.tandem.server.TestAuth.request(health.get()).timeout(Duration.ofSeconds(1))
                    .GET().build());
            slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
            if (answer == null || answer.statusCode() != 200) {
                unexpected.add("health " + TimeUnit.NANOSECONDS.toMillis(until - start) + " ms before the end: "
                        + (answer == null ? "no answer within 1 s" : answer.statusCode()));
            }
            Thread.sleep(100);
        }
        return null;
    }

    /**
     * Sends {@code request} and answers the reply, or {@code null} when there is none (an I/O failure or a time-out,
     * which the load tests count as no answer); an interrupt ends the wait with {@code null} and keeps the flag.
     */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
