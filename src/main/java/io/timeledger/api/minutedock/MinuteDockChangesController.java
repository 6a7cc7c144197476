package io.timeledger.api.minutedock;

import io.timeledger.core.account.Actor;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.feed.Change;
import io.timeledger.core.feed.ChangeFeed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/changes?after=<cursor>&limit=…}: the change feed for clients that poll instead
 * of keeping {@code /events} open (an extension, in MinuteDock's vocabulary): the same changes, the
 * same visibility (members their own time; {@code only=mine} narrows anyone to theirs), in order,
 * with an opaque cursor to ask for the next. A cursor older than the changes kept answers 410.
 */
@RestController
class MinuteDockChangesController {

    private static final String CURSOR_PREFIX = "c1.";

    private final ChangeFeed feed;

    MinuteDockChangesController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/changes")
    MdChanges changes(Actor actor, @RequestParam(required = false) String after,
                                @RequestParam(defaultValue = "100") int limit,
                                @RequestParam(defaultValue = "") String only) {
        if (!only.isEmpty() && !only.equals("mine")) {
            throw new Invalid("only", "may be \"mine\" (your own time) or left out (all you may see)");
        }
        var page = feed.page(new ChangeFeed.Reader(actor, only.equals("mine")), after == null ? null : seq(after),
            limit);
        return new MdChanges(page.changes().stream().map(Change::fields).toList(), cursor(page.cursor()), page.more());
    }

    /**
     * A page of changes: each as {@code /events} writes its data (the kind decides which id it
     * carries), the cursor to ask after next, and whether more are waiting.
     */
    record MdChanges(List<Map<String, Object>> changes, String cursor, boolean hasMore) { }

    /** Opaque to clients, so that what it holds may change: today a change's number. */
    static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    private static long seq(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            long seq = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException(text);
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw new Invalid("after", "is not a cursor this API gave: pass the cursor of the previous answer");
        }
    }
}
