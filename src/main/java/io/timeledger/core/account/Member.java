package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A membership seen with its user: a person as one account knows them.
 *
 * @param avatarKey names the person's avatar ({@link Avatars})
 */
public record Member(long id, AccountId account, long userId, String email, String firstName, String lastName,
                     ZoneId timeZone, Role role, BigDecimal billingRate, BigDecimal costRate, boolean archived,
                     Employment employment, UUID avatarKey, UUID pushChannel, Instant createdAt,
                     Instant updatedAt) {

    public String name() {
        return name(firstName, lastName);
    }

    /** Their name, else their email: how a page names a person, who may have been invited by email alone. */
    public String shownName() {
        var name = name();
        return name.isBlank() ? email : name;
    }

    /** A person's name as every dialect shows it: first and last, either may be empty. */
    public static String name(String firstName, String lastName) {
        return (firstName + " " + lastName).strip();
    }
}
