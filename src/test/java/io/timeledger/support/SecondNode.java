package io.timeledger.support;

import com.zaxxer.hikari.HikariDataSource;
import io.timeledger.TimeledgerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Another server over a test's database, as a second node behind a load balancer would be. */
public final class SecondNode {

    private SecondNode() {
    }

    /** Starts it on a free port, with {@code settings} ({@code --name=value}) besides the database's. */
    public static ConfigurableApplicationContext start(HikariDataSource database, Path dataDir, String... settings) {
        var args = new ArrayList<>(List.of("--server.port=0", "--timeledger.database.url=" + database.getJdbcUrl(),
            "--timeledger.database.user=" + database.getUsername(),
            "--timeledger.database.password=" + database.getPassword(), "--timeledger.database.data-dir=" + dataDir,
            "--timeledger.first-start.enabled=false"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(TimeledgerApplication.class).run(args.toArray(String[]::new));
    }

    /** {@code http://localhost:<its port>} */
    public static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + port(node);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
