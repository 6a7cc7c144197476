package io.timeledger.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code timeledger.database.*}: an external server when {@code url} is set (environment
 * {@code TIMELEDGER_DATABASE_URL}, {@code _USER}, {@code _PASSWORD}), else the embedded one.
 *
 * @param url       JDBC URL of an external PostgreSQL; blank for the embedded server
 * @param user      user for the external server
 * @param password  password for the external server
 * @param dataDir   where the embedded server keeps its files ({@code TIMELEDGER_DATA_DIR}), under {@code pg/}
 * @param ephemeral embedded server on a throw-away directory, removed on shutdown (tests)
 * @param replicaUrl  JDBC URL of a streaming replica of the database ({@code TIMELEDGER_DATABASE_REPLICA_URL}),
 *                    which reports and exports may read; blank for none. Same user and password.
 * @param replicaWait how long a read waits for the replica to catch up before it reads the primary
 */
@ConfigurationProperties("timeledger.database")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
                                 String replicaUrl, Duration replicaWait) {

    public DatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (replicaWait == null) {
            replicaWait = Duration.ofSeconds(1);
        }
    }

    boolean replicated() {
        return replicaUrl != null && !replicaUrl.isBlank();
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
