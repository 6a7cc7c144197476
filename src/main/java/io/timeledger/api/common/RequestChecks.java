package io.timeledger.api.common;

import io.timeledger.core.common.Invalid;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must be before anything reads it, checked once in front of everything else
 * (credentials, pages, health): a {@code Content-Type} that names a media type and a charset Java
 * knows (else 415), a form body no larger than the server reads and no uploaded file larger than it
 * takes (else 413), no more than 1,000
 * query and form parameters (else 400), and no NUL character in any of them, which PostgreSQL's
 * text cannot hold (else 422, naming the parameter). An API request is answered in its dialect's
 * shape, a page request with the error page; each logs one line.
 */
final class RequestChecks extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestChecks.class);

    private static final int MAX_PARAMETERS = 1_000;

    private final ErrorShapes shapes;
    private final DataSize maxForm;
    private final DataSize maxUpload;

    RequestChecks(ErrorShapes shapes, DataSize maxForm, DataSize maxUpload) {
        this.shapes = shapes;
        this.maxForm = maxForm;
        this.maxUpload = maxUpload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getContentType();
        var mediaType = contentType == null ? null : understood(contentType);
        if (contentType != null && mediaType == null) {
            refuse(request, response, ApiError.of(415, "Content-Type \"" + contentType
                + "\" is not a media type (and charset) this server understands; send application/json"));
            return;
        }
        if (mediaType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType)
                && request.getContentLengthLong() > maxForm.toBytes()) {
            refuse(request, response, ApiError.of(413, "The form is larger than the server reads ("
                + size(maxForm) + "); send less"));
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unread) {
            if (mediaType != null && MediaType.MULTIPART_FORM_DATA.includes(mediaType)) {
                // a part past spring.servlet.multipart's limit (ApiExceptionHandler meets it again as the
                // error page's dispatch reads the upload)
                refuse(request, response, ApiError.of(413, tooLargeUpload()));
                return;
            }
            // Jetty reads no more than 1,000 keys of a form body; it does not count the query's
            parameters = null;
        }
        if (parameters == null || parameters.values().stream().mapToInt(values -> values.length).sum() > MAX_PARAMETERS) {
            refuse(request, response, ApiError.of(400, "The request has more than "
                + "1,000 query and form parameters; send fewer"));
            return;
        }
        for (var parameter : parameters.entrySet()) {
            var name = parameter.getKey();
            if (name.indexOf('\0') >= 0 || List.of(parameter.getValue()).stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                refuse(request, response, ApiError.invalid(422, List.of(new Invalid.Violation(
                    name.replace("\0", "\\u0000"), "contains a NUL character (\\u0000), which cannot be stored"))));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why an upload was refused as too large. */
    private String tooLargeUpload() {
        return "The file is larger than the server takes (" + size(maxUpload) + "); send a smaller one";
    }

    /** "200 KB", "50 MB". */
    private static String size(DataSize size) {
        return size.toKilobytes() % 1024 == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    /** The media type {@code contentType} names, when it parses and its charset (if any) is one Java has; else null. */
    private static MediaType understood(String contentType) {
        try {
            var mediaType = MediaType.parseMediaType(contentType);
            var charset = mediaType.getCharset();
            return charset == null || Charset.isSupported(charset.name()) ? mediaType : null;
        } catch (IllegalArgumentException unparseableOrUnknownCharset) {
            return null;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        log.info("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), error.status(), error.message());
        shapes.refuse(request, response, error);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Right after the response buffer is sized and the access log started, before Spring Security reads a parameter. */
        @Bean
        FilterRegistrationBean<RequestChecks> requestChecks(ErrorShapes shapes,
                @Value("${server.jetty.max-http-form-post-size:200KB}") DataSize maxForm,
                @Value("${spring.servlet.multipart.max-file-size}") DataSize maxUpload) {
            var registration = new FilterRegistrationBean<>(new RequestChecks(shapes, maxForm, maxUpload));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }
    }
}
