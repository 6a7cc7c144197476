package io.timeledger.core.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AvatarRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AvatarRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Avatars.Avatar> find(UUID key) {
        return jdbc.sql("""
                SELECT u.first_name, u.last_name, u.email, i.content_type, i.bytes
                  FROM app_user u LEFT JOIN avatar_image i ON i.user_id = u.id
                 WHERE u.avatar_key = :key
                """)
            .param("key", key)
            .query((rs, row) -> rs.getString("content_type") != null
                ? (Avatars.Avatar) new Avatars.Avatar.Uploaded(rs.getString("content_type"), rs.getBytes("bytes"))
                : new Avatars.Avatar.Drawn(Avatars.initials(rs.getString("first_name"), rs.getString("last_name"),
                    rs.getString("email")), Avatars.hue(key)))
            .optional();
    }

    boolean hasPicture(long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM avatar_image WHERE user_id = :user)")
            .param("user", userId)
            .query(Boolean.class)
            .single();
    }

    UUID store(long userId, String contentType, byte[] bytes) {
        jdbc.sql("""
                INSERT INTO avatar_image (user_id, content_type, bytes) VALUES (:user, :type, :bytes)
                ON CONFLICT (user_id) DO UPDATE
                   SET content_type = excluded.content_type, bytes = excluded.bytes, uploaded_at = now()
                """)
            .param("user", userId)
            .param("type", contentType)
            .param("bytes", bytes)
            .update();
        return newKey(userId);
    }

    UUID remove(long userId) {
        jdbc.sql("DELETE FROM avatar_image WHERE user_id = :user").param("user", userId).update();
        return newKey(userId);
    }

    private UUID newKey(long userId) {
        var key = jdbc.sql("UPDATE app_user SET avatar_key = gen_random_uuid() WHERE id = :user RETURNING avatar_key")
            .param("user", userId)
            .query(UUID.class)
            .single();
        events.publishEvent(new ActorsChanged("app_user"));
        return key;
    }
}
