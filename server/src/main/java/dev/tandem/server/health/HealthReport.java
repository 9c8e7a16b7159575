package dev.tandem.server.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Answer of {@code GET /api/health}: {@code {"status":"UP","operations":"UP","finance":"UP"}}.
 *
 * @param status     UP when both databases answer, else DOWN
 * @param operations state of the Project Operations database
 * @param finance    state of the Finance database
 */
@JsonPropertyOrder({"status", "operations", "finance"})
public record HealthReport(State status, State operations, State finance) {

    /** Whether a part answers. */
    public enum State {
        UP,
        DOWN
    }

    /** The report of two database states; the overall status is UP only when both are. */
    public static HealthReport of(State operations, State finance) {
        State overall = operations == State.UP && finance == State.UP ? State.UP : State.DOWN;
        return new HealthReport(overall, operations, finance);
    }
}
