package io.timeledger;

import io.timeledger.admin.AdminCommandLine;
import io.timeledger.database.EarlyStart;
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
        var app = new SpringApplication(TimeledgerApplication.class);
        // the embedded PostgreSQL starts while Spring builds everything that does not need it
        app.addListeners(new EarlyStart());
        app.run(args);
    }

    /** The application without its web server, for the admin command line. */
    public static SpringApplication withoutWebServer() {
        var app = new SpringApplication(TimeledgerApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("admin");
        return app;
    }
}
