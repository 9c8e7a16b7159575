package dev.tandem.server.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the optional {@value Idempotency#HEADER} request header on every command of the OpenAPI document
 * ({@code GET /v3/api-docs}): every {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} operation under
 * {@value IdempotencyFilter#API}, exactly the requests {@link IdempotencyFilter#covers} says the filter handles. An
 * operation whose controller declares the header itself already has it and is left as it is.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyOpenApi {

    /** The header parameter's description, as the API documentation says it (docs/api.md). */
    static final String DESCRIPTION = "Optional. Names this request: a repeat with the same key (same method, path, "
            + "query and body) is not run again but answers the first 2xx answer (status, body, Location) with "
            + Idempotency.REPLAYED_HEADER + ": true. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; "
            + "while the first is still running: 409 IDEMPOTENCY_IN_PROGRESS. 1 to " + Idempotency.MAX_KEY_LENGTH
            + " printable ASCII characters; keys are kept for tandem.idempotency.retention (default 7 days).";

    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
                    if (IdempotencyFilter.covers(op.getKey().name(), path)) {
                        addHeader(op.getValue());
                    }
                }
            });
        };
    }

    private static void addHeader(Operation operation) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && Idempotency.HEADER.equalsIgnoreCase(p.getName()));
        if (!present) {
            operation.addParametersItem(new Parameter().in("header").name(Idempotency.HEADER).required(false)
                    .description(DESCRIPTION).schema(new StringSchema().minLength(1)
                            .maxLength(Idempotency.MAX_KEY_LENGTH)));
        }
    }
}
