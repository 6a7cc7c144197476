package io.timeledger.api.common;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.security.Escape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, before any servlet sees the request: a URL or header too long to
 * read, a request line it cannot parse. Its report valve wrote an HTML page naming Tomcat; this one
 * answers an API path in its dialect's shape and anything else with a plain page of ours.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    /** Replaces the host's report valve once the host has made it, as the application's context starts. */
    @Bean
    TomcatContextCustomizer dialectErrorReports(ErrorShapes shapes) {
        return context -> context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                return;
            }
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof DialectReport)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new DialectReport(shapes));
        });
    }

    static final class DialectReport extends ErrorReportValve {

        private final ErrorShapes shapes;

        DialectReport(ErrorShapes shapes) {
            this.shapes = shapes;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            var path = request.getRequestURI() == null ? "" : request.getRequestURI();
            var message = status == 400
                ? "The request could not be read: its URL or headers are malformed, or too long"
                : HttpStatus.resolve(status) == null ? "Request failed" : HttpStatus.resolve(status).getReasonPhrase();
            log.info("Refused {} {}: {} {}", request.getMethod(), path.length() > 200 ? path.substring(0, 200) + "…" : path,
                status, message);
            try {
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (shapes.speaksApi(path)) {
                    response.setContentType("application/json");
                    writer.write(shapes.bodyFor(path, ApiError.of(status, message)));
                } else {
                    response.setContentType("text/html");
                    writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error "
                        + status + " · Timeledger</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                        + "<body><main class=\"narrow\"><div class=\"card\"><h1>Error " + status + "</h1><p>"
                        + Escape.htmlElementContent(message) + "</p></div></main></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the error report: {}", e.toString());
            }
        }
    }
}
