package io.timeledger.web;

import io.timeledger.core.account.People;
import io.timeledger.core.account.User;
import io.timeledger.core.common.NotFound;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** The user behind a signed-in session (its principal's name is the email they signed in with). */
@Component
class SignedIn {

    private final People people;

    SignedIn(People people) {
        this.people = people;
    }

    User user(Principal principal) {
        return people.userByEmail(principal.getName()).orElseThrow(() -> new NotFound("User", principal.getName()));
    }
}
