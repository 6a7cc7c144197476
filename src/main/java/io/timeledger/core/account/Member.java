package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A membership seen with its user: a person as one account knows them. */
public record Member(long id, AccountId account, long userId, String email, String firstName, String lastName,
                     ZoneId timeZone, Role role, BigDecimal billingRate, BigDecimal costRate, boolean archived,
                     UUID pushChannel, Instant createdAt, Instant updatedAt) {

    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
