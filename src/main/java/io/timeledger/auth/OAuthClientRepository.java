package io.timeledger.auth;

import io.timeledger.auth.OAuthClients.Client;
import io.timeledger.core.account.ActorsChanged;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What Spring's RegisteredClientRepository cannot do: list and delete the registered apps. */
@Repository
class OAuthClientRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OAuthClientRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    List<Client> all() {
        return jdbc.sql("""
                SELECT client_id, client_name, client_secret IS NOT NULL AS confidential, redirect_uris
                  FROM oauth2_registered_client ORDER BY client_id_issued_at, client_id
                """)
            .query((rs, n) -> new Client(rs.getString("client_id"), rs.getString("client_name"),
                rs.getBoolean("confidential"),
                rs.getString("redirect_uris") == null ? List.of()
                    : Arrays.asList(rs.getString("redirect_uris").split(",")),
                null))
            .list();
    }

    /** Removes the app; its authorizations, and the tokens in them, go with it. */
    boolean delete(String clientId) {
        boolean deleted = jdbc.sql("DELETE FROM oauth2_registered_client WHERE client_id = :id")
            .param("id", clientId).update() == 1;
        events.publishEvent(new ActorsChanged("oauth2_registered_client"));
        return deleted;
    }
}
