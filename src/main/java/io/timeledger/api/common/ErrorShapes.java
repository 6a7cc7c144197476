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
        return respond(request.getRequestURI(), error);
    }

    /** The error as the dialect of a request for {@code path} answers it. */
    public ResponseEntity<Object> respond(String path, ApiError error) {
        var response = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(body(path, error));
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, AuthProblem problem)
            throws IOException {
        write(request, response, ApiError.of(problem.status(), problem.message()));
    }

    /** Writes the error in the request's dialect straight to the response, for code outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (error.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), body(request.getRequestURI(), error));
    }

    /**
     * Answers a request refused before Spring MVC saw it: in its dialect's shape for an API path,
     * else through the servlet container's error page ({@link ErrorEndpoint}).
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        if (speaksApi(request)) {
            write(request, response, error);
        } else {
            response.sendError(error.status(), error.message());
        }
    }

    /** The error's body in the dialect of a request for {@code path}, as JSON text. */
    public String bodyFor(String path, ApiError error) {
        return json.writeValueAsString(body(path == null ? "" : path, error));
    }

    /** Whether the request was meant for one of the APIs (else a person's browser asked for a page). */
    public boolean speaksApi(HttpServletRequest request) {
        return speaksApi(request.getRequestURI());
    }

    /** Whether a request for this path was meant for one of the APIs. */
    public boolean speaksApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/v2/")
            || shapes.stream().anyMatch(shape -> shape.serves(path));
    }

    private Object body(String path, ApiError error) {
        for (var shape : shapes) {
            if (shape.serves(path)) {
                return shape.body(error.renamed(shape.fieldNames()));
            }
        }
        return Map.of("error", error.message());
    }
}
