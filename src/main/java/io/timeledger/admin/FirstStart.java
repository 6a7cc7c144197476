package io.timeledger.admin;

import io.timeledger.auth.Credentials;
import io.timeledger.auth.Passwords;
import io.timeledger.core.account.Accounts;
import io.timeledger.core.account.NewAccount;
import io.timeledger.core.account.NewUser;
import io.timeledger.core.account.People;
import io.timeledger.core.account.Role;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: opens an account, makes its administrator, and prints their password
 * (for the sign-in page) and one personal access token to the console. Never again after that, and on one node only when several start
 * together (an advisory lock serialises them).
 */
@Component
@ConditionalOnProperty(name = "timeledger.first-start.enabled", matchIfMissing = true)
class FirstStart implements ApplicationRunner {

    private final Accounts accounts;
    private final People people;
    private final Credentials credentials;
    private final Passwords passwords;
    private final TransactionTemplate transaction;
    private final String adminEmail;
    private final String accountName;
    private final PrintStream console;
    private final Environment environment;

    FirstStart(Accounts accounts, People people, Credentials credentials, Passwords passwords,
               TransactionTemplate transaction,
               @Value("${timeledger.first-start.admin-email:admin@localhost}") String adminEmail,
               @Value("${timeledger.first-start.account-name:My Company}") String accountName,
               Environment environment) {
        this.accounts = accounts;
        this.people = people;
        this.credentials = credentials;
        this.passwords = passwords;
        this.transaction = transaction;
        this.adminEmail = adminEmail;
        this.accountName = accountName;
        this.console = System.out;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        setUpIfEmpty().ifPresent(this::announce);
    }

    private record Setup(String accountName, String accountId, String email, String password, String token) { }

    private Optional<Setup> setUpIfEmpty() {
        return transaction.execute(status -> {
            if (!accounts.noneYetUnderLock()) {
                return Optional.empty();
            }
            var account = accounts.open(new NewAccount(accountName, "USD", ZoneId.systemDefault().getId(), null));
            var user = people.createUser(new NewUser(adminEmail, "Admin", "", ZoneId.systemDefault().getId()));
            people.join(account.id(), user.id(), Role.ADMIN, null);
            var password = passwords.setGenerated(user.id());
            var token = credentials.issuePersonalAccessToken(user.id(), account.id(), "first start");
            return Optional.of(new Setup(account.name(), account.id().toString(), user.email(), password,
                token.secret()));
        });
    }

    // Printed, not logged: the token must reach the person at the console and no log file.
    private void announce(Setup setup) {
        var port = environment.getProperty("local.server.port", "8080");
        console.printf("""

                ================================================================================
                 Timeledger is set up. Account "%s" (id %s), administrator %s.
                 Sign in at http://localhost:%s/login with that email and the password

                   %s

                 Your personal access token (both shown this once; keep them like passwords):

                   %s

                 Try it:
                   curl -H "Authorization: Bearer %s" http://localhost:%s/api/v1/users/me
                ================================================================================

                """, setup.accountName(), setup.accountId(), setup.email(), port, setup.password(), setup.token(),
                setup.token(), port);
        console.flush();
    }
}
