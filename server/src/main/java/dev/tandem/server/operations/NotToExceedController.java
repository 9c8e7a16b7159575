package dev.tandem.server.operations;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.nte.NotToExceed;
import dev.tandem.server.api.IdList;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not-to-exceed actions on unbilled sales actuals (§4.5): reset to Not Evaluated, and re-evaluate against today's
 * limits. Only chargeable unbilled sales actuals not invoiced, not reversed and not on a draft invoice are eligible;
 * the others in the list are ignored, not refused (as in the original).
 */
@RestController
@RequestMapping(OperationsApi.BASE + "/actuals/nte")
public class NotToExceedController {

    private final NotToExceed notToExceed;

    public NotToExceedController(ProjectOperations operations) {
        this.notToExceed = operations.notToExceed();
    }

    /** The actuals that were reset; the ignored ones are absent. */
    record ResetView(List<UUID> reset) {
    }

    /** The new NTE status of one re-evaluated actual. */
    record Evaluation(UUID actualId, Option nteStatus) {
    }

    /** The re-evaluated actuals, oldest document date first; the ignored ones are absent. */
    record ReevaluationView(List<Evaluation> results) {
    }

    @PostMapping("/reset")
    ResetView reset(@Valid @RequestBody IdList body) {
        return new ResetView(notToExceed.reset(body.ids()));
    }

    /** A Failed actual that fits now becomes Committed; a Ready one that fails now goes back to not ready. */
    @PostMapping("/reevaluate")
    ReevaluationView reevaluate(@Valid @RequestBody IdList body) {
        List<Evaluation> results = notToExceed.reevaluate(body.ids()).entrySet().stream()
                .map(e -> new Evaluation(e.getKey(), Option.of(e.getValue()))).toList();
        return new ReevaluationView(results);
    }
}
