package io.timeledger.web.live;

import io.timeledger.auth.ApiActor;
import io.timeledger.core.account.Actor;
import io.timeledger.core.feed.ChangeFeed;
import io.timeledger.web.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /events}: the changes of the caller's account they may see, as server-sent events
 * (decision 020) — for a signed-in page and for any API credential ({@code Authorization: Bearer},
 * {@code X-API-Key}), so a MinuteDock desktop client can follow its dock too. {@code ?only=mine}
 * narrows it to the caller's own time, as the timesheet follows it.
 */
@Controller
@ConditionalOnWebApplication
class EventsController {

    private final EventStreams streams;
    private final SignedIn signedIn;

    EventsController(EventStreams streams, SignedIn signedIn) {
        this.streams = streams;
        this.signedIn = signedIn;
    }

    @GetMapping(path = EventStreams.PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication authentication, HttpServletRequest request,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(defaultValue = "") String only) {
        Actor actor = ApiActor.of(authentication)
            .orElseGet(() -> signedIn.actor(authentication, request.getSession()));
        if (!only.isEmpty() && !only.equals("mine")) {
            throw new BadRequest("only may be \"mine\" (your own time) or left out (all you may see)");
        }
        return streams.open(new ChangeFeed.Reader(actor, only.equals("mine")), lastSeen(lastEventId));
    }

    private static Long lastSeen(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long seen = Long.parseLong(lastEventId.strip());
            if (seen < 0) {
                throw new NumberFormatException();
            }
            return seen;
        } catch (NumberFormatException e) {
            throw new BadRequest("Last-Event-ID must be the id of an event this stream sent (a whole number)");
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler
    void badRequest(BadRequest e, HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    void tooMany(EventStreams.TooManyStreams e, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "60");
        refuse(response, 429, e.getMessage());
    }

    /** The client went away while it was written to: nothing to answer, nothing wrong. */
    @ExceptionHandler
    void gone(AsyncRequestNotUsableException e) {
        // the container has ended the response
    }

    /**
     * A refusal as plain text: the stream's client asked for events, and EventSource shows no body
     * anyway; a person reading it with curl reads a sentence.
     */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(message + "\n");
    }
}
