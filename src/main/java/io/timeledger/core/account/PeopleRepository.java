package io.timeledger.core.account;

import io.timeledger.core.common.AccountId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PeopleRepository {

    private static final String USER_COLUMNS = "u.id, u.email, u.first_name, u.last_name, u.time_zone, u.active_account_id, u.avatar_key";
    private static final String MEMBER_COLUMNS = memberColumns("m", "u", "");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PeopleRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Empty when the email is already taken (spelt the same under {@code email_key}, V19). */
    Optional<User> insertUser(NewUser user) {
        return jdbc.sql("""
                INSERT INTO app_user AS u (email, first_name, last_name, time_zone)
                VALUES (:email, :firstName, :lastName, :timeZone)
                ON CONFLICT (email_key(email)) DO NOTHING
                RETURNING %s
                """.formatted(USER_COLUMNS))
            .param("email", user.email())
            .param("firstName", user.firstName())
            .param("lastName", user.lastName())
            .param("timeZone", user.timeZone())
            .query(PeopleRepository::mapUser)
            .optional();
    }

    Optional<User> findUser(long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.id = :id")
            .param("id", id)
            .query(PeopleRepository::mapUser)
            .optional();
    }

    Optional<User> findUserByEmail(String email) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u WHERE email_key(u.email) = email_key(:email)")
            .param("email", email)
            .query(PeopleRepository::mapUser)
            .optional();
    }

    Optional<String> passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id AND password_hash IS NOT NULL")
            .param("id", userId)
            .query(String.class)
            .optional();
    }

    void updatePasswordHash(long userId, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, updated_at = now() WHERE id = :id")
            .param("hash", hash)
            .param("id", userId)
            .update();
    }

    void updateActiveAccount(long userId, AccountId account) {
        jdbc.sql("UPDATE app_user SET active_account_id = :account, updated_at = now() WHERE id = :id")
            .param("account", account.value())
            .param("id", userId)
            .update();
        events.publishEvent(new ActorsChanged("app_user"));
    }

    /** The active administrators' memberships, locked until the transaction ends. */
    List<Long> lockActiveAdmins(AccountId account) {
        return jdbc.sql("SELECT id FROM membership WHERE account_id = :account AND role = 'admin' AND NOT archived"
                + " ORDER BY id FOR UPDATE")
            .param("account", account.value())
            .query(Long.class)
            .list();
    }

    /** Sets the person's own profile; false when the email is another user's (spelt the same). */
    boolean updateProfile(long userId, NewUser profile) {
        try {
            jdbc.sql("""
                    UPDATE app_user SET email = :email, first_name = :firstName, last_name = :lastName,
                           time_zone = :timeZone, updated_at = now(),
                           -- the drawn initials change with the name: a new URL for them
                           avatar_key = CASE WHEN (first_name, last_name)
                                                  IS DISTINCT FROM (CAST(:firstName AS text), CAST(:lastName AS text))
                                             THEN gen_random_uuid() ELSE avatar_key END
                     WHERE id = :id
                    """)
                .param("email", profile.email())
                .param("firstName", profile.firstName())
                .param("lastName", profile.lastName())
                .param("timeZone", profile.timeZone())
                .param("id", userId)
                .update();
        } catch (DuplicateKeyException taken) {
            return false;
        }
        events.publishEvent(new ActorsChanged("app_user"));
        return true;
    }

    /** How many accounts the user belongs to, archived memberships included. */
    int membershipCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE user_id = :user")
            .param("user", userId)
            .query(Integer.class)
            .single();
    }

    /** The membership, locked until the transaction ends. */
    Optional<Member> lockMember(AccountId account, long membershipId) {
        return jdbc.sql("""
                SELECT %s
                  FROM membership m JOIN app_user u ON u.id = m.user_id
                 WHERE m.account_id = :account AND m.id = :id
                   FOR UPDATE OF m
                """.formatted(MEMBER_COLUMNS))
            .param("account", account.value())
            .param("id", membershipId)
            .query((rs, row) -> mapMember(rs, ""))
            .optional();
    }

    void updateMembership(AccountId account, long membershipId, Role role, BigDecimal billingRate,
                          BigDecimal costRate, boolean archived, Employment employment) {
        jdbc.sql("""
                UPDATE membership
                   SET role = :role, billing_rate = :billingRate, cost_rate = :costRate, archived = :archived,
                       telephone = :telephone, contractor = :contractor, weekly_capacity = :capacity,
                       joins_new_projects = :joins, business_roles = :businessRoles, updated_at = now()
                 WHERE account_id = :account AND id = :id
                """)
            .param("role", role.wire())
            .param("billingRate", billingRate)
            .param("costRate", costRate)
            .param("archived", archived)
            .param("telephone", employment.telephone())
            .param("contractor", employment.contractor())
            .param("capacity", employment.weeklyCapacity())
            .param("joins", employment.joinsNewProjects())
            .param("businessRoles", employment.businessRoles().toArray(String[]::new))
            .param("account", account.value())
            .param("id", membershipId)
            .update();
        events.publishEvent(new ActorsChanged("membership"));
    }

    /**
     * Whether the membership has time or expenses in the account. Read after the membership is
     * locked, so an entry being added for the person has either committed (and is seen) or waits.
     */
    boolean hasTimeOrExpenses(AccountId account, long membershipId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM entry WHERE account_id = :account AND membership_id = :id)
                    OR EXISTS (SELECT 1 FROM expense WHERE account_id = :account AND membership_id = :id)
                """)
            .param("account", account.value())
            .param("id", membershipId)
            .query(Boolean.class)
            .single();
    }

    /** Removes the membership and what hangs on it alone (its dock, assignments, credentials, reports). */
    void deleteMembership(AccountId account, long membershipId) {
        jdbc.sql("DELETE FROM membership WHERE account_id = :account AND id = :id")
            .param("account", account.value())
            .param("id", membershipId)
            .update();
        events.publishEvent(new ActorsChanged("membership"));
    }

    /** Empty when the user already belongs to the account. */
    Optional<Long> insertMembership(AccountId account, long userId, Role role, BigDecimal billingRate) {
        var inserted = jdbc.sql("""
                INSERT INTO membership (account_id, user_id, role, billing_rate)
                VALUES (:account, :user, :role, :rate)
                ON CONFLICT (account_id, user_id) DO NOTHING
                RETURNING id
                """)
            .param("account", account.value())
            .param("user", userId)
            .param("role", role.wire())
            .param("rate", billingRate)
            .query(Long.class)
            .optional();
        if (inserted.isPresent()) {
            // the accounts a signed-in person may act in are remembered (SignedIn)
            events.publishEvent(new ActorsChanged("membership"));
        }
        return inserted;
    }

    /** Who the memberships among {@code ids} are (those of other accounts are not found). */
    Map<Long, Owners.Owner> owners(AccountId account, Collection<Long> ids) {
        var found = new HashMap<Long, Owners.Owner>();
        jdbc.sql("""
                SELECT m.id, m.user_id, u.first_name, u.last_name, u.email, u.time_zone, u.avatar_key
                  FROM membership m JOIN app_user u ON u.id = m.user_id
                 WHERE m.account_id = :account AND m.id = ANY(:ids)
                """)
            .param("account", account.value())
            .param("ids", ids.toArray(Long[]::new))
            .query(rs -> {
                found.put(rs.getLong("id"), new Owners.Owner(rs.getLong("user_id"),
                    Member.name(rs.getString("first_name"), rs.getString("last_name")), rs.getString("email"),
                    ZoneId.of(rs.getString("time_zone")), rs.getObject("avatar_key", UUID.class)));
            });
        return found;
    }

    Optional<Member> findMember(AccountId account, long membershipId) {
        return jdbc.sql("""
                SELECT %s
                  FROM membership m JOIN app_user u ON u.id = m.user_id
                 WHERE m.account_id = :account AND m.id = :id
                """.formatted(MEMBER_COLUMNS))
            .param("account", account.value())
            .param("id", membershipId)
            .query((rs, row) -> mapMember(rs, ""))
            .optional();
    }

    Optional<Member> findMemberByUser(AccountId account, long userId) {
        return jdbc.sql("""
                SELECT %s
                  FROM membership m JOIN app_user u ON u.id = m.user_id
                 WHERE m.account_id = :account AND m.user_id = :user
                """.formatted(MEMBER_COLUMNS))
            .param("account", account.value())
            .param("user", userId)
            .query((rs, row) -> mapMember(rs, ""))
            .optional();
    }

    List<Member> listMembers(AccountId account, Boolean active) {
        return jdbc.sql("""
                SELECT %s
                  FROM membership m JOIN app_user u ON u.id = m.user_id
                 WHERE m.account_id = :account
                   AND (CAST(:archived AS boolean) IS NULL OR m.archived = :archived)
                 ORDER BY lower(u.first_name), lower(u.last_name), m.id
                """.formatted(MEMBER_COLUMNS))
            .param("account", account.value())
            .param("archived", active == null ? null : !active)
            .query((rs, row) -> mapMember(rs, ""))
            .list();
    }

    private static User mapUser(ResultSet rs, int row) throws SQLException {
        return new User(
            rs.getLong("id"),
            rs.getString("email"),
            rs.getString("first_name"),
            rs.getString("last_name"),
            ZoneId.of(rs.getString("time_zone")),
            rs.getObject("active_account_id", Long.class),
            rs.getObject("avatar_key", UUID.class));
    }

    /**
     * A membership's columns and its user's, from {@code membership} and {@code app_user} under the
     * aliases given, each renamed with {@code prefix} (none when empty) for {@link #mapMember}.
     */
    static String memberColumns(String membership, String user, String prefix) {
        return Columns.of(membership, prefix, "id", "account_id", "user_id", "role", "billing_rate", "cost_rate",
                "archived", "telephone", "contractor", "weekly_capacity", "joins_new_projects", "business_roles",
                "push_channel_token", "created_at", "updated_at")
            + ", " + Columns.of(user, prefix, "email", "first_name", "last_name", "time_zone", "avatar_key");
    }

    static Member mapMember(ResultSet rs, String prefix) throws SQLException {
        return new Member(
            rs.getLong(prefix + "id"),
            new AccountId(rs.getLong(prefix + "account_id")),
            rs.getLong(prefix + "user_id"),
            rs.getString(prefix + "email"),
            rs.getString(prefix + "first_name"),
            rs.getString(prefix + "last_name"),
            ZoneId.of(rs.getString(prefix + "time_zone")),
            Role.valueOf(rs.getString(prefix + "role").toUpperCase(java.util.Locale.ROOT)),
            rs.getBigDecimal(prefix + "billing_rate"),
            rs.getBigDecimal(prefix + "cost_rate"),
            rs.getBoolean(prefix + "archived"),
            new Employment(rs.getString(prefix + "telephone"), rs.getBoolean(prefix + "contractor"),
                rs.getInt(prefix + "weekly_capacity"), rs.getBoolean(prefix + "joins_new_projects"),
                List.of((String[]) rs.getArray(prefix + "business_roles").getArray())),
            rs.getObject(prefix + "avatar_key", UUID.class),
            rs.getObject(prefix + "push_channel_token", UUID.class),
            rs.getTimestamp(prefix + "created_at").toInstant(),
            rs.getTimestamp(prefix + "updated_at").toInstant());
    }
}
