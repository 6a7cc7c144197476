package io.timeledger.api.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * What Jetty answers itself, before any servlet sees the request: a URL or header too long to read,
 * a request line it cannot parse. Its error handler wrote a page naming Jetty; this one answers an
 * API path in its dialect's shape and anything else with a plain page of ours.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    @Bean
    JettyServerCustomizer dialectErrorReports(ErrorShapes shapes) {
        return server -> server.setErrorHandler(new DialectReport(shapes));
    }

    static final class DialectReport extends ErrorHandler {

        private final ErrorShapes shapes;

        DialectReport(ErrorShapes shapes) {
            this.shapes = shapes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            var uri = request.getHttpURI();
            var path = uri == null || uri.getPath() == null ? "" : uri.getPath();
            var message = message(status);
            log.info("Refused {} {}: {} {}", request.getMethod(),
                path.length() > 200 ? path.substring(0, 200) + "…" : path, status, message);
            // the connection ends with this answer, and says so: a client would otherwise send its
            // next request down a connection Jetty closes
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            String body;
            if (shapes.speaksApi(path)) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
                body = shapes.bodyFor(path, ApiError.of(status, message));
            } else {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
                body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
                    + " · Timeledger</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main"
                    + " class=\"narrow\"><div class=\"card\"><h1>Error " + status + "</h1><p>"
                    + HtmlUtils.htmlEscape(message) + "</p></div></main></body></html>";
            }
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }

        private static String message(int status) {
            return switch (status) {
                case 400 -> "The request could not be read: its URL or headers are malformed";
                case 414 -> "The URL is longer than the server reads (8 KB)";
                case 431 -> "The request's headers are larger than the server reads (8 KB)";
                default -> HttpStatus.resolve(status) == null ? "Request failed" : HttpStatus.resolve(status).getReasonPhrase();
            };
        }
    }
}
