package io.timeledger.api.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.timeledger.core.account.Actor;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * One OpenAPI 3.1 document per dialect ({@code /openapi/<dialect>.json}), generated from the
 * dialect's controllers, and Swagger UI at {@code /docs} to try them with a token. The schemas are
 * named as the wire names them: snake_case, as our Jackson writes every body.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // who is acting comes from the credential (ActorResolver), not from a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        // a body read as a JSON tree is any object (not the tree class's getters); routes that
        // document theirs say so with @Accepts
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    /** The dialects: group name, title, the package of their controllers, a line on them. */
    record Dialect(String group, String title, String controllers, String description) { }

    static final List<Dialect> DIALECTS = List.of(
        new Dialect("minutedock", "MinuteDock API", "io.timeledger.api.minutedock",
            "Contacts, projects, tasks, entries and the dock under /api/v1, as MinuteDock's API document"
                + " describes them, with Timeledger's own extensions (changes, webhooks)."),
        new Dialect("harvest", "Harvest API v2", "io.timeledger.api.harvest",
            "Harvest's v2 API under /v2: company, users, clients, projects, tasks, assignments, time entries,"
                + " invoices, expenses and reports. Send Harvest-Account-Id with the account's id."),
        new Dialect("paydirt", "Paydirt API", "io.timeledger.api.paydirt",
            "Paydirt's jobs and time logs under /v1/jobs and /api/v1/time."),
        new Dialect("expensicat", "Expensicat API", "io.timeledger.api.expensicat",
            "Expensicat's time entries under /v1/time-entries."));

    @Bean
    GroupedOpenApi minutedockApi() {
        return group(DIALECTS.get(0));
    }

    @Bean
    GroupedOpenApi harvestApi() {
        return group(DIALECTS.get(1));
    }

    @Bean
    GroupedOpenApi paydirtApi() {
        return group(DIALECTS.get(2));
    }

    @Bean
    GroupedOpenApi expensicatApi() {
        return group(DIALECTS.get(3));
    }

    /** Schemas' properties as the bodies really name them. */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * A controller's tag as a reader names the part of the API: {@code harvest-time-entries-controller}
     * becomes "Time entries".
     */
    static String tag(String generated) {
        var words = generated.replaceFirst("^(minute-dock|harvest|paydirt|expensicat)-", "")
            .replaceFirst("-controller$", "").replace('-', ' ');
        return words.isEmpty() ? generated : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static GroupedOpenApi group(Dialect dialect) {
        return GroupedOpenApi.builder()
            .group(dialect.group())
            .displayName(dialect.title())
            .packagesToScan(dialect.controllers())
            .addOpenApiCustomizer(api -> {
                api.info(new Info().title(dialect.title()).version("Timeledger").description(dialect.description()));
                api.components((api.getComponents() == null ? new Components() : api.getComponents())
                    .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal access token (tlp_…) or an OAuth access token"))
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-API-Key").description("An API key (tlk_…)")));
                api.security(List.of(new SecurityRequirement().addList("token"), new SecurityRequirement()
                    .addList("apiKey")));
                if (api.getPaths() != null) {
                    api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getTags() != null) {
                            operation.setTags(operation.getTags().stream().map(OpenApiConfiguration::tag).toList());
                        }
                    }));
                }
            })
            .addOpenApiCustomizer(OpenApiExamples.of(dialect.group()))
            .build();
    }
}
