package io.timeledger;

import io.timeledger.admin.AdminCommandLine;
import io.timeledger.database.EarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the server, or runs an administration command when the first argument is {@code admin}. */
@SpringBootApplication
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
