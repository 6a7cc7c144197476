package io.timeledger.api.harvest;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes each {@link HarvestPageOf} route's answer as Harvest's document shows it: the items,
 * then {@code per_page}, {@code total_pages}, {@code total_entries}, {@code next_page},
 * {@code previous_page}, {@code page} and {@code links} ({@link HarvestPage#envelope}).
 */
@Component
class HarvestPageDocs implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var page = handler.getMethodAnnotation(HarvestPageOf.class);
        if (page == null) {
            return operation;
        }
        var links = new ObjectSchema();
        for (var link : new String[] {"first", "next", "previous", "last"}) {
            links.addProperty(link, new StringSchema().format("uri"));
        }
        Schema<?> envelope = new ObjectSchema()
            .addProperty(page.key(), new ArraySchema().items(new Schema<>().$ref(page.items().getSimpleName())))
            .addProperty("per_page", new IntegerSchema())
            .addProperty("total_pages", new IntegerSchema())
            .addProperty("total_entries", new IntegerSchema().format("int64"))
            .addProperty("next_page", new IntegerSchema())
            .addProperty("previous_page", new IntegerSchema())
            .addProperty("page", new IntegerSchema())
            .addProperty("links", links);
        operation.getResponses().addApiResponse("200", new ApiResponse().description("OK")
            .content(new Content().addMediaType("application/json", new MediaType().schema(envelope))));
        return operation;
    }
}
