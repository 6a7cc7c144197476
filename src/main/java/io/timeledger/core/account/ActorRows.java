package io.timeledger.core.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads an {@link Actor} — a membership with its user, and its account — as part of a wider query:
 * authentication finds the credential and the actor it runs as in one round trip to the database.
 * {@link #join} adds the tables under aliases of their own; {@link #COLUMNS} selects from them.
 */
public final class ActorRows {

    private static final String MEMBER = "actor_member_";
    private static final String ACCOUNT = "actor_account_";

    /** The select list of the tables {@link #join} adds; every column named with a prefix of its own. */
    public static final String COLUMNS = PeopleRepository.memberColumns("actor_m", "actor_u", MEMBER) + ", "
        + AccountRepository.columns("actor_a", ACCOUNT);

    private ActorRows() {
    }

    /**
     * LEFT JOINs the membership of the user {@code userId} in the account {@code accountId} (both SQL
     * expressions of the query), with its user and account; all null when there is no such membership.
     */
    public static String join(String userId, String accountId) {
        return """
            LEFT JOIN membership actor_m ON actor_m.user_id = %s AND actor_m.account_id = %s
            LEFT JOIN app_user actor_u ON actor_u.id = actor_m.user_id
            LEFT JOIN account actor_a ON actor_a.id = actor_m.account_id
            """.formatted(userId, accountId);
    }

    /** The actor of the current row; empty when the join found no membership. */
    public static Optional<Actor> map(ResultSet rs) throws SQLException {
        if (rs.getObject(MEMBER + "id") == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(PeopleRepository.mapMember(rs, MEMBER), AccountRepository.map(rs, ACCOUNT)));
    }
}
