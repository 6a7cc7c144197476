package io.timeledger.api.common;

import java.util.UUID;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute URLs of people's avatars ({@code /avatars/<key>}, served by the web app), on the
 * public URL the request came to ({@code PublicUrl}): what every dialect's {@code avatar_url} shows.
 * Made during a request; one per response, however many people it shows.
 */
public final class AvatarUrls {

    private final String base;

    private AvatarUrls(String base) {
        this.base = base;
    }

    /** For the current request, from its scheme, host and port. */
    public static AvatarUrls ofRequest() {
        return new AvatarUrls(ServletUriComponentsBuilder.fromCurrentContextPath().path("/avatars/").toUriString());
    }

    public String of(UUID key) {
        return key == null ? null : base + key;
    }
}
