package io.timeledger.api.common;

import jakarta.servlet.RequestDispatcher;
import io.timeledger.core.common.DatabaseRefusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container sends what never reached a controller: a request Spring Security's
 * firewall refused (a method nobody serves, such as {@code TRACE}; a URL Jetty let through but the
 * firewall does not), an error a filter sent. Answered like everything else: in the dialect's shape
 * for an API path, with the error page for a page — never Boot's or Jetty's default body. What Jetty
 * refuses before any servlet runs is answered by {@link ContainerErrors}.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

    private final ErrorShapes shapes;

    ErrorEndpoint(ErrorShapes shapes) {
        this.shapes = shapes;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "";
        var given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String text ? text : "";
        var failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
        // a 4xx says what was wrong with the request; a 5xx's own words are ours, not the client's
        var message = status < 500 && !given.isBlank() ? given : reason(status);
        boolean unreachable = failure != null && DatabaseRefusals.unreachable(failure);
        if (unreachable) {
            // a filter (sign-in, OAuth's client check) needed the database and could not reach it
            status = HttpStatus.SERVICE_UNAVAILABLE.value();
            message = ApiExceptionHandler.UNAVAILABLE;
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), path, failure.getMessage());
        } else if (status >= 500 && failure != null) {
            log.error("Unhandled failure on {} {}", request.getMethod(), path, failure);
        } else {
            log.info("{} {} answered {}: {}", request.getMethod(), path, status, message);
        }
        if (shapes.speaksApi(path) || path.startsWith("/actuator") || path.startsWith("/oauth")) {
            var answer = shapes.respond(path, ApiError.of(status, message));
            return unreachable ? ApiExceptionHandler.retryShortly(answer) : answer;
        }
        if (unreachable) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
        }
        var page = new ModelAndView("error", HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("message", message);
        return page;
    }

    private static String reason(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "Request failed" : known.getReasonPhrase();
    }
}
