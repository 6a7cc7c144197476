package io.timeledger.api.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents an {@link Accepts} route's body with its record's schema, named as the wire names fields. */
@Component
class AcceptsDocs implements GlobalOperationComponentsCustomizer {

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        var accepts = handler.getMethodAnnotation(Accepts.class);
        if (accepts == null) {
            return operation;
        }
        var schema = SpringDocAnnotationsUtils.extractSchema(components, accepts.value(), null, null, SpecVersion.V31);
        return operation.requestBody(new RequestBody().required(true)
            .content(new Content().addMediaType("application/json", new MediaType().schema(schema))));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation;
    }
}
