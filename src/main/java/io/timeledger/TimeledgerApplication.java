package io.timeledger;

import io.timeledger.admin.AdminCommandLine;
import io.timeledger.database.EarlyStart;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;

/**
 * Starts the server, or runs an administration command when the first argument is {@code admin}.
 *
 * <p>The authorization server signs nothing: its access tokens are opaque and OpenID Connect is
 * off. So it has no signing key, and no key set to publish: Boot's default would generate a fresh
 * RSA key at every start (half a second of a start's CPU) for a key set that changes with each
 * restart and verifies nothing.
 */
@SpringBootApplication(exclude = OAuth2AuthorizationServerJwtAutoConfiguration.class)
public class TimeledgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommandLine.run(args));
        }
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            System.out.print(HELP);
            return;
        }
        if (args.length > 0 && List.of("--version", "-V").contains(args[0])) {
            System.out.println("Timeledger " + version());
            return;
        }
        var app = new SpringApplication(TimeledgerApplication.class);
        // the embedded PostgreSQL starts while Spring builds everything that does not need it
        app.addListeners(new EarlyStart());
        app.run(args);
    }

    static final String HELP = """
        Usage: timeledger [--property=value ...]   run the server (Ctrl-C stops it)
               timeledger admin <command> ...      administer it: timeledger admin --help
               timeledger --version                print the version

        The server listens on PORT (8080) and keeps its data in TIMELEDGER_DATA_DIR (./data), in
        an embedded PostgreSQL, unless TIMELEDGER_DATABASE_URL names one. Its first start makes an
        administrator and prints a token. Set TIMELEDGER_PUBLIC_URL to the address people use, and
        MANAGEMENT_SERVER_PORT to serve metrics apart. Any Spring Boot property may be given as
        --name=value. docs/configuration.md lists every setting.
        """;

    /** The version of the built jar ("development" when run from classes). */
    public static String version() {
        var version = TimeledgerApplication.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** The application without its web server, for the admin command line. */
    public static SpringApplication withoutWebServer() {
        var app = new SpringApplication(TimeledgerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("admin");
        return app;
    }
}
