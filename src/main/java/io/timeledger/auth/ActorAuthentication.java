package io.timeledger.auth;

import io.timeledger.core.account.Actor;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API call: the actor it runs as and the credential that proved it. */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final Credential credential;

    ActorAuthentication(Actor actor, Credential credential) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        this.credential = credential;
        setAuthenticated(true);
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    /**
     * The person's email, as a signed-in web session names them. Spring's default is the
     * principal's toString: the whole actor record, formatted on every request by whatever asks.
     */
    @Override
    public String getName() {
        return actor.member().email();
    }

    /** The credential's id, never its secret. */
    @Override
    public Object getCredentials() {
        return credential.id();
    }
}
