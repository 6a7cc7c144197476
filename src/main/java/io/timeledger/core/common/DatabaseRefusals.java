package io.timeledger.core.common;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Reads what PostgreSQL's own rules refused out of a failed statement, so that the dialects can
 * say it in the client's terms without knowing SQL states: the last word of rules the services
 * also check first.
 */
public final class DatabaseRefusals {

    /** Raised by V21's triggers when a write reaches locked time. */
    private static final String LOCKED_TIME = "TL423";
    /** character_not_in_repertoire (a NUL in text), untranslatable_character (a NUL in JSON). */
    private static final List<String> UNSTORABLE_TEXT = List.of("22021", "22P05");

    private DatabaseRefusals() {
    }

    /** The lock that refused the write, with the trigger's reason, if that is what happened. */
    public static Optional<Locked> lockedTime(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException refused && LOCKED_TIME.equals(refused.getSQLState())
                    && refused.getServerErrorMessage() != null) {
                return Optional.of(new Locked(refused.getServerErrorMessage().getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Whether the text could not be stored at all (PostgreSQL's text holds no NUL character). */
    public static boolean unstorableText(Throwable failure) {
        return UNSTORABLE_TEXT.contains(sqlState(failure));
    }

    /**
     * Whether the failure is the database being out of reach (down, restarting, out of connections),
     * not anything the request did: the client may retry shortly.
     */
    public static boolean unreachable(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What PostgreSQL said refusing the statement, with its detail (which key, which value), for
     * operators restoring or importing data, not for the dialects' clients.
     */
    public static String message(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException refused && refused.getServerErrorMessage() != null) {
                var said = refused.getServerErrorMessage();
                return said.getDetail() == null ? said.getMessage() : said.getMessage() + " (" + said.getDetail() + ")";
            }
        }
        return failure.getMessage();
    }

    private static String sqlState(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
