package io.timeledger.core.audit;

import java.util.Arrays;

/** What happened. The wire name is what {@code audit_event.kind} holds and {@code tl admin audit} prints. */
public enum AuditKind {
    SIGN_IN_SUCCEEDED("sign_in.succeeded", "Signed in"),
    SIGN_IN_FAILED("sign_in.failed", "Sign-in failed"),
    SIGN_IN_LOCKED("sign_in.locked", "Sign-in locked after repeated failures"),
    PASSWORD_CHANGED("password.changed", "Password changed"),
    TOKEN_CREATED("token.created", "Access token created"),
    TOKEN_REVOKED("token.revoked", "Access token revoked"),
    API_KEY_CREATED("api_key.created", "API key created"),
    API_KEY_REVOKED("api_key.revoked", "API key revoked"),
    OAUTH_GRANTED("oauth.granted", "App authorized"),
    OAUTH_REFRESHED("oauth.refreshed", "App refreshed its token"),
    OAUTH_REVOKED("oauth.revoked", "App's access revoked"),
    OAUTH_REFRESH_REUSED("oauth.refresh_reused", "App's access revoked: a used refresh token came back"),
    ROLE_GRANTED("role.granted", "Added to an account"),
    ROLE_CHANGED("role.changed", "Role changed"),
    MEMBERSHIP_ARCHIVED("membership.archived", "Archived in an account"),
    MEMBERSHIP_RESTORED("membership.restored", "Restored in an account"),
    MEMBERSHIP_REMOVED("membership.removed", "Removed from an account"),
    PASSWORD_LINK_CREATED("password_link.created", "Link to set a password made"),
    ACCOUNT_EXPORTED("account.exported", "Account exported whole"),
    SESSIONS_ENDED("sessions.ended", "Signed out of other browsers");

    private final String wire;
    private final String label;

    AuditKind(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    /** The sentence a person reads on their profile page. */
    public String label() {
        return label;
    }

    static AuditKind ofWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(wire)).findFirst()
            .orElseThrow(() -> new IllegalStateException("unknown audit kind " + wire));
    }
}
