package io.timeledger.web;

import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's sign-in sessions, wherever they were made: every node reads them from the database
 * (decision 024), so ending one here ends it on every node at its next request.
 */
@Component
public class BrowserSessions {

    /** One session: whether it is the browser asking, when it signed in and was last used (to the minute). */
    public record Row(boolean current, Instant signedInAt, Instant lastActiveAt) { }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditTrail audit;

    BrowserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** {@code email}'s sessions, the most recently used first. */
    public List<Row> of(String email, String currentId) {
        return sessions.findByPrincipalName(email).values().stream()
            .filter(session -> !session.isExpired())
            .map(session -> new Row(session.getId().equals(currentId), session.getCreationTime(),
                session.getLastAccessedTime()))
            .sorted(Comparator.comparing(Row::lastActiveAt).reversed())
            .toList();
    }

    /** Signs {@code email} out of every session but {@code currentId}; answers how many ended. */
    public int endOthers(long userId, String email, String currentId) {
        int ended = end(email, currentId);
        if (ended > 0) {
            audit.record(AuditKind.SESSIONS_ENDED, userId, null, ended == 1 ? "1 browser" : ended + " browsers");
        }
        return ended;
    }

    /** Signs {@code email} out everywhere but {@code keptId} (null: everywhere): their password changed. */
    public int endAll(long userId, String email, String keptId) {
        int ended = end(email, keptId);
        if (ended > 0) {
            audit.record(AuditKind.SESSIONS_ENDED, userId, null, "by a new password");
        }
        return ended;
    }

    private int end(String email, String keptId) {
        var ids = sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keptId)).toList();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
