package io.timeledger.web;

import io.timeledger.core.account.Avatars;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * Avatars: {@code /avatars/<key>} for anyone who has the URL (the dialects show it, as Harvest
 * shows its own), and the profile page's upload and removal of one's picture.
 */
@Controller
class AvatarController {

    /** A key names one picture for good: a changed picture gets a new key ({@link Avatars}). */
    private static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Avatars avatars;
    private final SignedIn signedIn;

    AvatarController(Avatars avatars, SignedIn signedIn) {
        this.avatars = avatars;
        this.signedIn = signedIn;
    }

    @GetMapping("/avatars/{key}")
    ResponseEntity<byte[]> avatar(@PathVariable String key) {
        var avatar = avatars.find(parse(key)).orElseThrow(() -> new NotFound("Avatar", key));
        var response = ResponseEntity.ok()
            .cacheControl(FOR_GOOD)
            .header("X-Content-Type-Options", "nosniff")
            // nothing an avatar shows may run or load anything, even opened on its own
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        if (avatar instanceof Avatars.Avatar.Uploaded uploaded) {
            return response.contentType(MediaType.parseMediaType(uploaded.contentType())).body(uploaded.bytes());
        }
        return response.contentType(MediaType.valueOf("image/svg+xml"))
            .body(svg((Avatars.Avatar.Drawn) avatar).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/profile/avatar")
    String upload(Principal principal, @RequestParam(name = "avatar", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            avatars.upload(signedIn.user(principal).id(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "Your picture was changed; every app shows it from now on.");
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", "The picture " + e.violations().get(0).message() + ".");
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/avatar/remove")
    String remove(Principal principal, RedirectAttributes redirect) {
        avatars.remove(signedIn.user(principal).id());
        redirect.addFlashAttribute("notice", "Your picture was removed; your initials show instead.");
        return "redirect:/profile";
    }

    /** The initials, white on the person's colour, in a square that clients crop as they like. */
    static String svg(Avatars.Avatar.Drawn drawn) {
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" \
            aria-label="%1$s"><rect width="128" height="128" fill="hsl(%2$d, 45%%, 40%%)"/>\
            <text x="64" y="64" dy="0.35em" text-anchor="middle" fill="#fff" font-size="52" font-weight="600" \
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">%1$s</text></svg>
            """.formatted(HtmlUtils.htmlEscape(drawn.initials(), "UTF-8"), drawn.hue());
    }

    private static UUID parse(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new NotFound("Avatar", key);
        }
    }
}
