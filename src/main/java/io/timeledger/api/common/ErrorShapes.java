package io.timeledger.api.common;

import io.timeledger.auth.AuthFailureRenderer;
import io.timeledger.auth.AuthProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Picks the error shape of the dialect a request spoke; also renders failures from the security filters. */
@Component
public class ErrorShapes implements AuthFailureRenderer {

    private final List<ErrorShape> shapes;
    private final JsonMapper json;

    ErrorShapes(List<ErrorShape> shapes, JsonMapper json) {
        this.shapes = shapes;
        this.json = json;
    }

    public ResponseEntity<Object> respond(HttpServletRequest request, ApiError error) {
        var response = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(body(request, error));
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, AuthProblem problem)
            throws IOException {
        var error = ApiError.of(problem.status(), problem.message());
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (error.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), body(request, error));
    }

    /** Whether the request was meant for one of the APIs (else a person's browser asked for a page). */
    public boolean speaksApi(HttpServletRequest request) {
        var path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/v2/")
            || shapes.stream().anyMatch(shape -> shape.serves(request));
    }

    private Object body(HttpServletRequest request, ApiError error) {
        for (var shape : shapes) {
            if (shape.serves(request)) {
                return shape.body(error);
            }
        }
        return Map.of("error", error.message());
    }
}
