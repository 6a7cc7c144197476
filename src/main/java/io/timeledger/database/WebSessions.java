package io.timeledger.database;

import io.timeledger.core.common.ClusterTasks;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages' sign-in sessions, kept in PostgreSQL by Spring Session JDBC (V37, decision 024) so
 * that every server node knows them. Spring Session writes a session's last access on every
 * request that uses it — one more database write per page view; these sessions record it at most
 * once a {@link #ACCESS_RESOLUTION}, which moves an 8-hour expiry by less than a minute and leaves
 * a page view with one read of its session and no write.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class WebSessions {

    /** How stale a session's recorded last access may be. */
    static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);
    /** How often expired sessions are deleted (by one node of the cluster). */
    static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    /**
     * What the session filter uses: Spring Session's JDBC sessions in the tables of V37, expiring
     * after {@code server.servlet.session.timeout}, the expired deleted once a minute by one node
     * of the cluster, their access time written coarsely.
     */
    @Bean
    CoarseSessions<?> webSessionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                           ClusterTasks clusterTasks,
                                           @Value("${server.servlet.session.timeout}") Duration timeout) {
        // a read is one statement, in autocommit; a save, several, in a transaction of its own
        var stored = new JdbcIndexedSessionRepository(jdbc, TransactionOperations.withoutTransaction());
        stored.setDefaultMaxInactiveInterval(timeout);
        stored.setCleanupCron(Scheduled.CRON_DISABLED);
        // one repository, seen both through its generic interface (its session type is not public)
        // and as itself (its lifecycle and clean-up)
        return new CoarseSessions<>(stored, stored, new TransactionTemplate(transactions), clusterTasks);
    }

    /**
     * Spring Session looks a request's session up twice — as the request first uses it, and again
     * after saving it, to compare its id with the cookie's; the second lookup is answered from the
     * first within the request.
     */
    @Bean
    FilterRegistrationBean<Filter> sessionsLookedUpOncePerRequest(CoarseSessions<?> sessions) {
        var registration = new FilterRegistrationBean<Filter>(sessions::remembering);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    static final class CoarseSessions<S extends Session>
            implements FindByIndexNameSessionRepository<CoarseSession<S>>, InitializingBean, DisposableBean {

        private final FindByIndexNameSessionRepository<S> jdbc;
        private final JdbcIndexedSessionRepository stored;
        private final TransactionOperations saves;
        private final ClusterTasks clusterTasks;
        private final ThreadLocal<Map<String, CoarseSession<S>>> foundInThisRequest = new ThreadLocal<>();
        private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "web-session-cleaner");
            thread.setDaemon(true);
            return thread;
        });

        CoarseSessions(FindByIndexNameSessionRepository<S> jdbc, JdbcIndexedSessionRepository stored,
                       TransactionOperations saves, ClusterTasks clusterTasks) {
            this.jdbc = jdbc;
            this.stored = stored;
            this.saves = saves;
            this.clusterTasks = clusterTasks;
        }

        /** Deletes expired sessions each minute, on whichever node offers first. */
        @Override
        public void afterPropertiesSet() {
            stored.afterPropertiesSet();
            cleaner.scheduleWithFixedDelay(this::cleanUp, CLEAN_EVERY.toMillis(), CLEAN_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        }

        private void cleanUp() {
            try {
                clusterTasks.runIfDue("delete expired web sessions", CLEAN_EVERY, stored::cleanUpExpiredSessions);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(WebSessions.class).warn("Could not delete expired sessions: {}", e.getMessage());
            }
        }

        @Override
        public void destroy() {
            cleaner.shutdownNow();
            stored.destroy();
        }

        @Override
        public CoarseSession<S> createSession() {
            return new CoarseSession<>(jdbc.createSession(), true);
        }

        /**
         * Writes what changed, all or nothing. A session the request only read — a page view —
         * is not written, nor is a connection taken for it.
         */
        @Override
        public void save(CoarseSession<S> session) {
            if (session.changed) {
                saves.executeWithoutResult(status -> jdbc.save(session.stored));
                session.changed = false;
            }
        }

        /** Runs a request, remembering the sessions it looks up until it ends. */
        void remembering(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            foundInThisRequest.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                foundInThisRequest.remove();
            }
        }

        @Override
        public CoarseSession<S> findById(String id) {
            var remembered = foundInThisRequest.get();
            if (remembered != null && remembered.containsKey(id)) {
                return remembered.get(id);
            }
            var found = jdbc.findById(id);
            var session = found == null ? null : new CoarseSession<>(found, false);
            if (remembered != null) {
                remembered.put(id, session);
            }
            return session;
        }

        @Override
        public void deleteById(String id) {
            var remembered = foundInThisRequest.get();
            if (remembered != null) {
                remembered.remove(id);
            }
            jdbc.deleteById(id);
        }

        @Override
        public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            var found = new LinkedHashMap<String, CoarseSession<S>>();
            jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new CoarseSession<>(session, false)));
            return found;
        }
    }

    /**
     * A stored session whose last access moves only when it is {@link #ACCESS_RESOLUTION} old, and
     * which knows whether the request changed it (new, an attribute set or removed, its id or
     * lifetime changed, its last access moved).
     */
    static final class CoarseSession<S extends Session> implements Session {

        private final S stored;
        private volatile boolean changed;

        CoarseSession(S stored, boolean changed) {
            this.stored = stored;
            this.changed = changed;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(ACCESS_RESOLUTION) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
