package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The actor an API credential authenticated, for the routes a credential and a signed-in session share. */
public final class ApiActor {

    private ApiActor() { }

    /** The actor, when {@code authentication} came from a credential; empty for a signed-in session. */
    public static Optional<Actor> of(Authentication authentication) {
        return authentication instanceof ActorAuthentication caller ? Optional.of(caller.actor()) : Optional.empty();
    }
}
