package dev.tandem.server.api;

import dev.tandem.common.Page;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API, served by springdoc at {@code GET /v3/api-docs} (DESIGN §5; the API
 * itself is in {@code docs/api.md}). springdoc reads the controllers; this class adds what it can't see:
 * <ul>
 *   <li>the {@code page} and {@code size} query parameters of every list, which {@link PageRequestArgumentResolver}
 *       reads rather than Spring's binding;</li>
 *   <li>the error answer of every operation: an RFC 9457 problem, {@code application/problem+json}, with the stable
 *       {@code code} (schema {@code Problem}), as the {@code default} response.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    static {
        // A PageRequest is not a request body or a bean of query parameters: its two parameters are added below.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
    }

    @Bean
    OpenAPI tandemOpenApi() {
        return new OpenAPI().info(new Info().title("Tandem API").version(dev.tandem.server.TandemVersion.current())
                .description("Project Operations "
                + "(/api/operations), Finance (/api/finance), the dual-write runtime (/api/dualwrite) and the "
                + "reconciliation of both databases (/api/reconcile). Errors are RFC 9457 problems with a stable code."));
    }

    /** Documents {@code page} and {@code size} on every operation that takes a {@link PageRequest}. */
    @Bean
    OperationCustomizer pageParameters() {
        return (operation, handler) -> {
            boolean paged = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == PageRequest.class);
            if (paged) {
                operation.addParametersItem(new Parameter().in("query").name("page").required(false)
                        .description("0-based page number").schema(new IntegerSchema()._default(0).minimum(
                                BigDecimal.ZERO)));
                operation.addParametersItem(new Parameter().in("query").name("size").required(false)
                        .description("rows per page, at most " + Page.MAX_SIZE).schema(new IntegerSchema()
                                ._default(PageRequest.DEFAULT_SIZE).minimum(BigDecimal.ONE)));
            }
            return operation;
        };
    }

    /** The problem+json error answer on every operation. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // Added here, not on the OpenAPI bean: springdoc rebuilds the components from the controllers.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            for (PathItem item : openApi.getPaths().values()) {
                for (Operation operation : item.readOperations()) {
                    operation.getResponses().addApiResponse("default", new ApiResponse()
                            .description("Refused or failed: an RFC 9457 problem with a stable code")
                            .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                }
            }
        };
    }

    private static Schema<?> problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; a refusal by a business rule adds its properties (ids, "
                + "limits, amounts as strings)");
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what went wrong, naming the row and the rule"));
        problem.addProperty("instance", new StringSchema().description("the request path"));
        problem.addProperty("code", new StringSchema().description("stable error code, e.g. NOT_FOUND, "
                + "INVALID_INPUT, NTE_FAILED"));
        problem.additionalProperties(true);
        problem.addRequiredItem("code");
        return problem;
    }
}
