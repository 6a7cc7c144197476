package io.timeledger.auth;

import io.timeledger.auth.OAuthAuthorizationRepository.Described;
import io.timeledger.auth.OAuthAuthorizationRepository.Found;
import io.timeledger.auth.OAuthAuthorizationRepository.Grant;
import io.timeledger.auth.OAuthAuthorizationRepository.Row;
import io.timeledger.auth.OAuthAuthorizationRepository.StoredToken;
import io.timeledger.core.account.People;
import io.timeledger.core.account.User;
import io.timeledger.core.audit.AuditKind;
import io.timeledger.core.audit.AuditTrail;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.security.Principal;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where Spring Authorization Server keeps the authorizations people grant, with every secret in
 * it (state, code, access and refresh token) stored as a SHA-256 hash. A secret read back from
 * the database is therefore not its value but {@code #} and the hash's hex: such a placeholder
 * can never equal what a client presents, and saving it again keeps the same hash. When a lookup
 * was by a secret, that one secret is put back with the value presented.
 *
 * <p>The audit trail hears of each grant (the account chosen on the consent page), refresh and
 * revocation (by the app, by its owner on the profile page, or for a refresh token presented again).
 */
@Service
public class OAuthAuthorizations implements OAuth2AuthorizationService {

    /** The scope that lets a token change data; a token without it may only read. */
    public static final String WRITE_SCOPE = "write";
    public static final String READ_SCOPE = "read";
    /** Where the authorization server sends a signed-in person to consent and choose the account. */
    public static final String CONSENT_PAGE = "/oauth/consent";

    private static final String PLACEHOLDER = "#";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final OAuthAuthorizationRepository repository;
    private final RegisteredClientRepository clients;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    OAuthAuthorizations(OAuthAuthorizationRepository repository, RegisteredClientRepository clients, People people,
                        AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.clients = clients;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(OAuth2Authorization authorization) {
        // known when the authorization begins; kept from then on, even if the person's email changes
        Long userId = people.userByEmail(authorization.getPrincipalName()).map(User::id).orElse(null);
        var access = authorization.getAccessToken();
        if (access == null && authorization.getToken(OAuth2AuthorizationCode.class) == null) {
            // a new authorization begins: a good moment to forget the dead ones
            repository.purgeDead(clock.instant());
        }
        repository.save(
            authorization.getId(),
            authorization.getRegisteredClientId(),
            userId,
            authorization.getPrincipalName(),
            authorization.getAuthorizationGrantType().getValue(),
            authorizedScopes(authorization),
            requestJson(authorization.getAttribute(OAuth2AuthorizationRequest.class.getName())),
            hashOrNull(authorization.getAttribute(OAuth2ParameterNames.STATE)),
            stored(authorization.getToken(OAuth2AuthorizationCode.class)),
            stored(access),
            access == null || isPlaceholder(access.getToken().getTokenValue()) ? null
                : Secrets.visiblePrefix(access.getToken().getTokenValue()),
            access == null ? null : access.getToken().getScopes(),
            stored(authorization.getRefreshToken()));
    }

    @Override
    @Transactional
    public void remove(OAuth2Authorization authorization) {
        repository.delete(authorization.getId());
    }

    @Override
    @Reads
    public OAuth2Authorization findById(String id) {
        return repository.findById(id).map(row -> rebuild(row, null, null)).orElse(null);
    }

    @Override
    @Reads
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        byte[] hash = Secrets.hash(token);
        if (tokenType == null) {
            for (var column : List.of("access_hash", "refresh_hash", "code_hash", "state_hash")) {
                var row = repository.findByHash(column, hash);
                if (row.isPresent()) {
                    return rebuild(row.get(), column, token);
                }
            }
            return null;
        }
        String column = switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> "state_hash";
            case OAuth2ParameterNames.CODE -> "code_hash";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "access_hash";
            case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh_hash";
            default -> null;
        };
        if (column == null) {
            return null;
        }
        return repository.findByHash(column, hash).map(row -> rebuild(row, column, token)).orElse(null);
    }

    /**
     * Binds the authorization that just received {@code code} to the account its owner chose on the
     * consent page. Refused (false) unless they are an active member of it.
     */
    @Transactional
    public boolean bindAccount(String code, long accountId) {
        var hash = Secrets.hash(code);
        if (!repository.bindAccount(hash, accountId)) {
            return false;
        }
        audited(AuditKind.OAUTH_GRANTED, repository.describe(Found.BY_CODE, hash));
        return true;
    }

    /**
     * A refresh token presented after it was exchanged was copied: revokes the authorization that
     * spent it, with every token issued from it. False when it was never spent here.
     */
    @Transactional
    public boolean revokeIfSpent(String refreshToken) {
        var hash = Secrets.hash(refreshToken);
        var spentBy = repository.describe(Found.BY_SPENT_REFRESH, hash);
        if (!repository.deleteBySpentRefresh(hash)) {
            return false;
        }
        audited(AuditKind.OAUTH_REFRESH_REUSED, spentBy);
        return true;
    }

    /** For the trail: an app exchanged a refresh token and got this access token. */
    @Transactional
    public void refreshed(String accessToken) {
        audited(AuditKind.OAUTH_REFRESHED, repository.describe(Found.BY_ACCESS_OR_REFRESH, Secrets.hash(accessToken)));
    }

    /** For the trail: an app revoked this token (RFC 7009) and so its authorization's others. */
    @Transactional
    public void revokedByApp(String token) {
        audited(AuditKind.OAUTH_REVOKED, repository.describe(Found.BY_ACCESS_OR_REFRESH, Secrets.hash(token)));
    }

    private void audited(AuditKind kind, Optional<Described> authorization) {
        authorization.ifPresent(a -> audit.record(kind, a.userId(), a.accountId(),
            "“" + a.clientName() + "” " + String.join(" ", new java.util.TreeSet<>(a.scopes()))));
    }

    /** A code presented with the wrong PKCE verifier is dead: not even the right one redeems it after. */
    @Transactional
    public void invalidateCode(String code) {
        repository.invalidateCode(Secrets.hash(code));
    }

    /**
     * What the authorization grants from now on: a refresh that asked for fewer scopes narrows it
     * for good (RFC 6749 section 6 lets a refresh narrow; nothing lets a later one widen again).
     */
    private static Set<String> authorizedScopes(OAuth2Authorization authorization) {
        var access = authorization.getAccessToken();
        if (access == null) {
            return authorization.getAuthorizedScopes();
        }
        var scopes = new java.util.TreeSet<>(authorization.getAuthorizedScopes());
        scopes.retainAll(access.getToken().getScopes());
        return scopes;
    }

    /** What a live OAuth access token stands for, with its membership; records its use. One statement. */
    Optional<Authenticated> authenticate(String accessToken) {
        return repository.authenticate(Secrets.hash(accessToken), clock.instant());
    }

    /** The apps the user has authorized, one row per authorization. */
    @Reads
    public List<Grant> grantsOf(long userId) {
        return repository.grantsOf(userId, clock.instant());
    }

    /** Revokes one of the user's authorizations and every token issued from it, at once. */
    @Transactional
    public void revoke(long userId, long grantId) {
        var revoked = repository.describe(Found.BY_ID, grantId);
        if (!repository.deleteOfUser(userId, grantId)) {
            throw new NotFound("Authorization", grantId);
        }
        audited(AuditKind.OAUTH_REVOKED, revoked);
    }

    private OAuth2Authorization rebuild(Row row, String foundBy, String presented) {
        var client = clients.findById(row.registeredClientId());
        if (client == null) {
            return null;
        }
        var builder = OAuth2Authorization.withRegisteredClient(client)
            .id(row.authorizationId())
            .principalName(row.principalName())
            .authorizationGrantType(new AuthorizationGrantType(row.grantType()))
            .authorizedScopes(row.authorizedScopes())
            .attribute(Principal.class.getName(), UsernamePasswordAuthenticationToken.authenticated(
                row.principalName(), null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        if (row.requestJson() != null) {
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), request(row.requestJson()));
        }
        if (row.stateHash() != null) {
            builder.attribute(OAuth2ParameterNames.STATE, valueOf(row.stateHash(), "state_hash", foundBy, presented));
        }
        if (row.code() != null) {
            var code = row.code();
            builder.token(new OAuth2AuthorizationCode(valueOf(code.hash(), "code_hash", foundBy, presented),
                code.issuedAt(), code.expiresAt()), metadata(code));
        }
        if (row.access() != null) {
            var access = row.access();
            builder.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                valueOf(access.hash(), "access_hash", foundBy, presented), access.issuedAt(), access.expiresAt(),
                row.accessScopes()), metadata(access));
        }
        if (row.refresh() != null) {
            var refresh = row.refresh();
            builder.token(new OAuth2RefreshToken(valueOf(refresh.hash(), "refresh_hash", foundBy, presented),
                refresh.issuedAt(), refresh.expiresAt()), metadata(refresh));
        }
        return builder.build();
    }

    private static java.util.function.Consumer<Map<String, Object>> metadata(StoredToken token) {
        return metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, token.invalidated());
    }

    private static String valueOf(byte[] hash, String column, String foundBy, String presented) {
        return column.equals(foundBy) ? presented : PLACEHOLDER + HexFormat.of().formatHex(hash);
    }

    private static boolean isPlaceholder(String value) {
        return value.startsWith(PLACEHOLDER);
    }

    private static byte[] hashOrNull(Object value) {
        return value == null ? null : hashOf(value.toString());
    }

    private static byte[] hashOf(String value) {
        return isPlaceholder(value) ? HexFormat.of().parseHex(value.substring(PLACEHOLDER.length()))
            : Secrets.hash(value);
    }

    private static StoredToken stored(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return null;
        }
        var value = token.getToken();
        return new StoredToken(hashOf(value.getTokenValue()), value.getIssuedAt(), value.getExpiresAt(),
            token.isInvalidated());
    }

    private String requestJson(OAuth2AuthorizationRequest request) {
        if (request == null) {
            return null;
        }
        var fields = new LinkedHashMap<String, Object>();
        fields.put("authorization_uri", request.getAuthorizationUri());
        fields.put("client_id", request.getClientId());
        fields.put("redirect_uri", request.getRedirectUri());
        fields.put("scopes", List.copyOf(request.getScopes()));
        fields.put("state", request.getState());
        fields.put("authorization_request_uri", request.getAuthorizationRequestUri());
        var parameters = new LinkedHashMap<String, String>();
        request.getAdditionalParameters().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        fields.put("additional_parameters", parameters);
        return json.writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    private OAuth2AuthorizationRequest request(String stored) {
        Map<String, Object> fields = json.readValue(stored, MAP);
        return OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri((String) fields.get("authorization_uri"))
            .clientId((String) fields.get("client_id"))
            .redirectUri((String) fields.get("redirect_uri"))
            .scopes(Set.copyOf((List<String>) fields.get("scopes")))
            .state((String) fields.get("state"))
            .authorizationRequestUri((String) fields.get("authorization_request_uri"))
            .additionalParameters((Map<String, Object>) fields.get("additional_parameters"))
            .build();
    }
}
