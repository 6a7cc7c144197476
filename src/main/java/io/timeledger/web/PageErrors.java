package io.timeledger.web;

import io.timeledger.core.common.Forbidden;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Locked;
import io.timeledger.core.common.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures on a page answer with a page, not with an API dialect's JSON: the error, under the
 * signed-in header, so that the way on is one click away.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final SignedIn signedIn;
    private final Header header;

    PageErrors(SignedIn signedIn, Header header) {
        this.signedIn = signedIn;
        this.header = header;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model, HttpServletRequest request) {
        return page(model, request, HttpStatus.NOT_FOUND, "That does not exist, or it is not yours.");
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Forbidden e, Model model, HttpServletRequest request) {
        return page(model, request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A rule of the core refused what a page asked outside a form that says so itself. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String refused(Invalid e, Model model, HttpServletRequest request) {
        return page(model, request, HttpStatus.UNPROCESSABLE_CONTENT, Forms.sentence(e, Map.of()));
    }

    /** Locked time or money (invoiced, approved) that a page tried to change. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String locked(Locked e, Model model, HttpServletRequest request) {
        return page(model, request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    /** A link or form cut short or edited by hand: a missing or malformed parameter or field. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        BindException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model, HttpServletRequest request) {
        return page(model, request, HttpStatus.BAD_REQUEST, "That link is incomplete or malformed.");
    }

    @ExceptionHandler
    ModelAndView status(ResponseStatusException e, HttpServletRequest request) {
        var model = new ExtendedModelMap();
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("message", e.getReason());
        withHeader(model, request);
        return new ModelAndView("error", model, HttpStatus.valueOf(e.getStatusCode().value()));
    }

    /** Anything else: logged here, a plain page there — never a stack trace. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model, HttpServletRequest request) {
        log.error("A page failed", e);
        return page(model, request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again.");
    }

    /** The error page with its status and message; the handler's {@code @ResponseStatus} sets the response's. */
    private String page(Model model, HttpServletRequest request, HttpStatus status, String message) {
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        withHeader(model, request);
        return "error";
    }

    /**
     * The signed-in person's header, where there is one to show: none for someone who belongs to no
     * account (the reason for their error, often) or when reading it fails too.
     */
    private void withHeader(Model model, HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        var session = request.getSession(false);
        if (principal == null || session == null) {
            return;
        }
        SignedIn.Place place;
        try {
            place = signedIn.place(principal, session);
        } catch (RuntimeException e) {
            log.debug("No header on the error page: {}", e.toString());
            return;
        }
        header.showWithoutTimer(model, place, null);
    }

}
