package io.timeledger.api.common;

import io.timeledger.core.common.Conflict;
import io.timeledger.core.common.DatabaseRefusals;
import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Gone;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Locked;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure into a status and a message naming what was wrong, rendered in the shape
 * of the dialect the request spoke. Nothing internal (stack traces, SQL) reaches the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorShapes shapes;
    private final ErrorEndpoint errors;

    ApiExceptionHandler(ErrorShapes shapes, ErrorEndpoint errors) {
        this.shapes = shapes;
        this.errors = errors;
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFound e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.of(404, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> forbidden(Forbidden e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.of(403, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(Invalid e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.invalid(422, e.violations()));
    }

    @ExceptionHandler
    ResponseEntity<Object> locked(Locked e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.invalid(422, List.of(new Invalid.Violation("base", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Object> gone(Gone e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.of(410, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(Conflict e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.of(409, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.invalid(400, List.of(
            new Invalid.Violation("base", "the request body is not valid JSON"))));
    }

    /** A path id that is not a number names nothing (404); a bad query parameter is the client's to fix (422). */
    @ExceptionHandler
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return shapes.respond(request, ApiError.of(404, "Not found"));
        }
        return shapes.respond(request, ApiError.invalid(422, List.of(
            new Invalid.Violation(e.getName(), "is not valid"))));
    }

    @ExceptionHandler
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return shapes.respond(request, ApiError.invalid(422, List.of(
            new Invalid.Violation(e.getParameterName(), "is required"))));
    }

    /** An unknown endpoint answers in its API's shape; an unknown page outside the APIs, with a page. */
    @ExceptionHandler
    Object noRoute(NoResourceFoundException e, HttpServletRequest request) {
        if (!shapes.speaksApi(request)) {
            var page = new ModelAndView("error", HttpStatus.NOT_FOUND);
            page.addObject("status", 404);
            page.addObject("message", "There is no such page.");
            return page;
        }
        return shapes.respond(request, ApiError.of(404, "No such endpoint: " + request.getMethod() + " "
            + request.getRequestURI()));
    }

    /** A unique or foreign key lost a race with a concurrent request that the service's checks could not see. */
    @ExceptionHandler
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (DatabaseRefusals.unstorableText(e)) {
            // PostgreSQL's text holds no NUL character; nothing else a client sends is refused this way
            return shapes.respond(request, ApiError.invalid(422, List.of(new Invalid.Violation("base",
                "contains a NUL character (\\u0000), which cannot be stored"))));
        }
        log.info("Integrity violation on {} {}: {}", request.getMethod(), request.getRequestURI(),
            e.getMostSpecificCause().getMessage());
        return shapes.respond(request, ApiError.of(409, "The request conflicts with a concurrent change; retry it"));
    }

    /**
     * The database refused to change locked time (V21's triggers, SQLSTATE TL423): a route reached an
     * invoiced or approved entry indirectly, say by deleting a task it carries. Rendered as the
     * service's own {@link Locked} would be, with the trigger's reason.
     */
    @ExceptionHandler
    ResponseEntity<Object> database(DataAccessException e, HttpServletRequest request) {
        var locked = DatabaseRefusals.lockedTime(e);
        if (locked.isPresent()) {
            return locked(locked.get(), request);
        }
        return unexpected(e, request);
    }

    /** Two requests met on the same rows and the database chose one to give way: the client may retry. */
    @ExceptionHandler
    ResponseEntity<Object> contention(ConcurrencyFailureException e, HttpServletRequest request) {
        log.info("Concurrency failure on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return shapes.respond(request, ApiError.of(409, "The request met a concurrent change; retry it"));
    }

    /** The database is out of reach (down, restarting, failing over, or the pool exhausted): the client may retry. */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<Object> unavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return retryShortly(shapes.respond(request, ApiError.of(503, UNAVAILABLE)));
    }

    static final String UNAVAILABLE = "The service is briefly unavailable (its database cannot be reached); retry shortly";

    /** The answer, telling the client when to try again. */
    static ResponseEntity<Object> retryShortly(ResponseEntity<Object> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(answer.getBody());
    }

    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * An upload past spring.servlet.multipart's limit. {@link RequestChecks} refuses it before anything
     * else reads the request; the error page's dispatch then meets it again, as Spring MVC reads the
     * upload once more, and answers with that refusal (a page for a page, JSON for an API).
     */
    @ExceptionHandler
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return errors.error(request, response);
        }
        return shapes.respond(request, ApiError.of(413, "The file is larger than the server takes; send a smaller one"));
    }

    /**
     * Spring MVC's own failures (405, 406, 415, ...) keep their status; a client that went away while
     * its answer was written gets none (there is no one to read it); anything else is a bug of ours.
     */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().value() < 500) {
            var detail = framework.getBody().getDetail();
            return shapes.respond(request, ApiError.of(framework.getStatusCode().value(),
                detail == null ? "Request failed" : detail));
        }
        log.error("Unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return shapes.respond(request, ApiError.of(500, "Something went wrong on our side"));
    }
}
