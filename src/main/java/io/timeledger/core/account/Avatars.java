package io.timeledger.core.account;

import io.timeledger.core.common.FileTypes;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.Reads;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's pictures. Each user's avatar is named by an opaque key (V24), which every dialect
 * shows as the absolute URL {@code /avatars/<key>}: the picture the person uploaded, or their
 * initials drawn by this server. A new key is drawn whenever the picture changes, so the URL never
 * shows a stale picture and can be cached for good.
 */
@Service
public class Avatars {

    /** The largest picture kept. */
    public static final int MAX_BYTES = 512 * 1024;

    /** What an avatar's URL shows. */
    public sealed interface Avatar {

        /** A picture the person uploaded; {@code contentType} checked against its bytes. */
        record Uploaded(String contentType, byte[] bytes) implements Avatar { }

        /** No picture: the person's initials on a colour of their own ({@code hue}, 0–359 degrees). */
        record Drawn(String initials, int hue) implements Avatar { }
    }

    private final AvatarRepository repository;

    Avatars(AvatarRepository repository) {
        this.repository = repository;
    }

    @Reads
    public Optional<Avatar> find(UUID key) {
        return repository.find(key);
    }

    /** Whether the user has uploaded a picture (else their initials are drawn). */
    @Reads
    public boolean hasPicture(long userId) {
        return repository.hasPicture(userId);
    }

    /** Keeps {@code bytes} as the user's picture; answers the avatar's new key. */
    @Transactional
    public UUID upload(long userId, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Invalid("avatar", "is empty: choose a picture");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Invalid("avatar", "is too large (at most " + MAX_BYTES / 1024 + " KB)");
        }
        var type = FileTypes.picture(bytes)
            .orElseThrow(() -> new Invalid("avatar", "must be a PNG, JPEG, GIF or WebP picture"));
        return repository.store(userId, type, bytes);
    }

    /** Forgets the user's picture: their initials are drawn again. Answers the avatar's new key. */
    @Transactional
    public UUID remove(long userId) {
        return repository.remove(userId);
    }

    /** Up to two letters: of the first and last names, else the email's first. */
    static String initials(String firstName, String lastName, String email) {
        var letters = new StringBuilder();
        for (var name : new String[] {firstName, lastName}) {
            if (name != null && !name.isBlank()) {
                letters.appendCodePoint(name.strip().codePointAt(0));
            }
        }
        if (letters.isEmpty() && email != null && !email.isEmpty()) {
            letters.appendCodePoint(email.codePointAt(0));
        }
        return letters.toString().toUpperCase(Locale.ROOT);
    }

    /** A hue of the person's own, the same wherever their avatar shows. */
    static int hue(UUID key) {
        return Math.floorMod(key.hashCode(), 360);
    }
}
