package io.timeledger.core.audit;

/**
 * Where the change being recorded comes from: the HTTP request being served, if any. The web
 * layer provides it; without one (the command line, the first start) every event is {@code server}'s.
 */
public interface Origin {

    /** @param via see {@link AuditEvent#via()} */
    record Where(String via, String clientAddress, String userAgent) {
        public static final Where SERVER = new Where("server", null, null);
    }

    Where current();
}
