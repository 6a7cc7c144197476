package io.timeledger.core.common;

/**
 * Told how far a long piece of work (an import, a restore) has come, batch by batch: for a
 * progress bar on a terminal or a page. Called on the working thread; it must be quick.
 */
@FunctionalInterface
public interface Progress {

    /** Tells no one. */
    Progress NONE = (done, total, what) -> { };

    /** {@code done} of {@code total} (units of {@code what}, e.g. "entries") are written. */
    void advanced(long done, long total, String what);
}
