package io.timeledger.auth;

import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The apps that may ask people for access. A confidential app (a server that can keep a secret)
 * authenticates with its secret and gets refresh tokens; a public one (a mobile or desktop app, a
 * single-page app) has no secret, must use PKCE, and signs the person in again when its access
 * token expires. Every authorization asks for consent and an account.
 */
@Service
public class OAuthClients {

    /** How long an OAuth access token works; a refresh token gets the app a new one. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final String CLIENT_SECRET_PREFIX = "tls_";

    /** A registered app; {@code secret} is set only in the answer to its registration. */
    public record Client(String clientId, String name, boolean confidential, List<String> redirectUris,
                         String secret) { }

    private final RegisteredClientRepository clients;
    private final OAuthClientRepository repository;
    private final PasswordEncoder encoder;

    OAuthClients(RegisteredClientRepository clients, OAuthClientRepository repository, PasswordEncoder encoder) {
        this.clients = clients;
        this.repository = repository;
        this.encoder = encoder;
    }

    @Transactional
    public Client register(String name, List<String> redirectUris, boolean confidential) {
        if (name == null || name.isBlank()) {
            throw new Invalid("name", "can't be blank");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new Invalid("redirect_uri", "needs at least one redirect URI");
        }
        redirectUris.forEach(OAuthClients::checkRedirectUri);
        String clientId = "tlc_" + UUID.randomUUID().toString().replace("-", "");
        String secret = confidential ? Secrets.generate(CLIENT_SECRET_PREFIX) : null;
        var builder = RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(clientId)
            .clientName(name.strip())
            .redirectUris(uris -> uris.addAll(redirectUris))
            .scope(OAuthAuthorizations.READ_SCOPE)
            .scope(OAuthAuthorizations.WRITE_SCOPE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .clientSettings(ClientSettings.builder()
                .requireAuthorizationConsent(true)
                .requireProofKey(!confidential)
                .build())
            .tokenSettings(TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                .authorizationCodeTimeToLive(CODE_LIFETIME)
                .reuseRefreshTokens(false)
                .build());
        if (confidential) {
            builder.clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        clients.save(builder.build());
        return new Client(clientId, name.strip(), confidential, List.copyOf(redirectUris), secret);
    }

    @Reads
    public List<Client> all() {
        return repository.all();
    }

    /** Removes the app and, with it, every authorization and token people gave it. */
    @Transactional
    public void delete(String clientId) {
        if (!repository.delete(clientId)) {
            throw new NotFound("OAuth client", clientId);
        }
    }

    /** Redirect URIs are matched exactly; https, or http only to this machine (for native and test apps). */
    private static void checkRedirectUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new Invalid("redirect_uri", value + " is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "localhost".equalsIgnoreCase(uri.getHost()) || "127.0.0.1".equals(uri.getHost())
            || "[::1]".equals(uri.getHost());
        if (uri.getFragment() != null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw new Invalid("redirect_uri",
                value + " must be an https URI without a fragment (http only for localhost)");
        }
    }
}
