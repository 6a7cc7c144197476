package io.timeledger.core.account;

import io.timeledger.core.common.Invalid;
import java.util.Locale;

/** What a membership may do in its account. */
public enum Role {
    ADMIN, MANAGER, MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String field, String value) {
        for (var role : values()) {
            if (role.wire().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new Invalid(field, "must be one of admin, manager, member");
    }
}
