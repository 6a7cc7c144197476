package io.timeledger.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
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

    /**
     * What the session filter uses: Spring Session's JDBC sessions in the tables of V37, expiring
     * after {@code server.servlet.session.timeout}, the expired deleted once a minute, their
     * access time written coarsely.
     */
    @Bean
    CoarseSessions<?> webSessionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                           @Value("${server.servlet.session.timeout}") Duration timeout) {
        var stored = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
        stored.setDefaultMaxInactiveInterval(timeout);
        return new CoarseSessions<>(stored, stored);
    }

    static final class CoarseSessions<S extends Session>
            implements FindByIndexNameSessionRepository<CoarseSession<S>>, InitializingBean, DisposableBean {

        private final FindByIndexNameSessionRepository<S> jdbc;
        private final JdbcIndexedSessionRepository lifecycle;

        CoarseSessions(FindByIndexNameSessionRepository<S> jdbc, JdbcIndexedSessionRepository lifecycle) {
            this.jdbc = jdbc;
            this.lifecycle = lifecycle;
        }

        /** Starts the stored sessions' clean-up. */
        @Override
        public void afterPropertiesSet() {
            lifecycle.afterPropertiesSet();
        }

        @Override
        public void destroy() {
            lifecycle.destroy();
        }

        @Override
        public CoarseSession<S> createSession() {
            return new CoarseSession<>(jdbc.createSession());
        }

        @Override
        public void save(CoarseSession<S> session) {
            jdbc.save(session.stored);
        }

        @Override
        public CoarseSession<S> findById(String id) {
            var found = jdbc.findById(id);
            return found == null ? null : new CoarseSession<>(found);
        }

        @Override
        public void deleteById(String id) {
            jdbc.deleteById(id);
        }

        @Override
        public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            var found = new LinkedHashMap<String, CoarseSession<S>>();
            jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new CoarseSession<>(session)));
            return found;
        }
    }

    /** A stored session whose last access moves only when it is {@link #ACCESS_RESOLUTION} old. */
    static final class CoarseSession<S extends Session> implements Session {

        private final S stored;

        CoarseSession(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(ACCESS_RESOLUTION) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
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
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
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
