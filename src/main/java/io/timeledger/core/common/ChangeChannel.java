package io.timeledger.core.common;

/**
 * Something that keeps what the database answered and must hear when another process changes it:
 * the database announces those changes on {@link #channel()} (a PostgreSQL {@code NOTIFY} sent by
 * triggers), and the server's one listening connection passes them on here.
 */
public interface ChangeChannel {

    /** The channel the database's triggers notify. */
    String channel();

    /** A change committed; {@code payload} is what the trigger said of it. */
    void heard(String payload);

    /** Whether changes now reach this server; while they do not, nothing may be kept. */
    void listening(boolean listening);

    /**
     * Whether this server should listen on the channel now. A channel nobody needs for a while
     * costs every committing writer a wake-up of the listener for nothing; the listener asks
     * between its waits, and tells {@link #listening} when it starts or stops.
     */
    default boolean wanted() {
        return true;
    }
}
