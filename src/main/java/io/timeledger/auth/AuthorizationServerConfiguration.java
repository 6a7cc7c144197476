package io.timeledger.auth;

import java.time.Clock;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * OAuth 2.0 with Spring Authorization Server: the authorization-code grant (PKCE for public apps)
 * and refresh tokens at {@code /oauth/authorize} and {@code /oauth/token}, revocation at
 * {@code /oauth/revoke}, introspection at {@code /oauth/introspect}, and the server's metadata at
 * {@code /.well-known/oauth-authorization-server}. Access tokens are opaque {@code tlo_} secrets
 * held hashed by {@link OAuthAuthorizations}; each is bound to the account chosen on the consent
 * page, which is asked for on every authorization.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String AUTHORIZE = "/oauth/authorize";
    /** The consent form's field that names the chosen account. */
    static final String ACCOUNT_PARAMETER = "account_id";

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder()
            .authorizationEndpoint(AUTHORIZE)
            .tokenEndpoint("/oauth/token")
            .tokenRevocationEndpoint("/oauth/revoke")
            .tokenIntrospectionEndpoint("/oauth/introspect")
            .build();
    }

    @Bean
    OAuth2TokenGenerator<?> oauthTokenGenerator(Clock clock) {
        var refresh = new OAuth2RefreshTokenGenerator();
        refresh.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(new AccessTokenGenerator(clock), refresh);
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, OAuthAuthorizations authorizations,
                                                    OAuth2TokenGenerator<?> tokens) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.authorizationService(authorizations)
                .authorizationConsentService(new AskEveryTime())
                .tokenGenerator(tokens)
                .authorizationServerMetadataEndpoint(metadata -> metadata
                    .authorizationServerMetadataCustomizer(AuthorizationServerConfiguration::whatThisServerDoes))
                .clientAuthentication(clients -> clients.authenticationProviders(providers ->
                    providers.replaceAll(provider -> new FailedVerifierKillsCode(provider, authorizations))))
                .tokenEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.replaceAll(provider ->
                    provider instanceof OAuth2RefreshTokenAuthenticationProvider
                        ? new SpentRefreshRevokesAll(provider, authorizations) : provider)))
                .tokenRevocationEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                    providers.replaceAll(provider -> new RevocationAudited(provider, authorizations))))
                .tokenIntrospectionEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                    providers.replaceAll(provider -> new OwnTokensOnly(provider, authorizations))))
                .authorizationEndpoint(endpoint -> endpoint
                    .consentPage(OAuthAuthorizations.CONSENT_PAGE)
                    .authorizationRequestConverters(converters -> converters.replaceAll(ScopesByDefault::new))
                    .authenticationProviders(providers -> providers.replaceAll(provider ->
                        provider instanceof OAuth2AuthorizationConsentAuthenticationProvider
                            ? new AccountChoice(provider, authorizations) : provider)));
        });
        return http
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            // a person who is not signed in is sent to sign in first, then back to the authorization
            .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"),
                PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE)))
            .build();
    }

    /**
     * The metadata (RFC 8414) names what the registered apps can do here, not all the library
     * could: the code grant and refresh tokens; a confidential app's secret in the Basic header or
     * the form, a public app's none (PKCE instead); opaque tokens, so no signing key set
     * ({@code jwks_uri}), and neither DPoP nor certificate-bound tokens.
     */
    private static void whatThisServerDoes(OAuth2AuthorizationServerMetadata.Builder metadata) {
        var secret = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
        metadata.grantTypes(types -> types.retainAll(List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
                AuthorizationGrantType.REFRESH_TOKEN.getValue())))
            .tokenEndpointAuthenticationMethods(methods -> {
                methods.retainAll(secret);
                methods.add(ClientAuthenticationMethod.NONE.getValue());
            })
            .tokenRevocationEndpointAuthenticationMethods(methods -> methods.retainAll(secret))
            .tokenIntrospectionEndpointAuthenticationMethods(methods -> methods.retainAll(secret))
            .claims(claims -> {
                claims.remove(OAuth2AuthorizationServerMetadataClaimNames.JWKS_URI);
                claims.remove(OAuth2AuthorizationServerMetadataClaimNames.DPOP_SIGNING_ALG_VALUES_SUPPORTED);
                claims.remove(OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
            });
    }

    /**
     * MinuteDock's document never names scopes: an authorization request without {@code scope}
     * asks for both, {@code read} and {@code write}, as its tokens carry.
     */
    private record ScopesByDefault(AuthenticationConverter converter) implements AuthenticationConverter {
        @Override
        public Authentication convert(HttpServletRequest request) {
            var converted = converter.convert(request);
            if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken code
                    && code.getAuthorizationCode() == null && code.getScopes().isEmpty()) {
                return new OAuth2AuthorizationCodeRequestAuthenticationToken(code.getAuthorizationUri(),
                    code.getClientId(), (Authentication) code.getPrincipal(), code.getRedirectUri(), code.getState(),
                    Set.of(OAuthAuthorizations.READ_SCOPE, OAuthAuthorizations.WRITE_SCOPE),
                    code.getAdditionalParameters());
            }
            return converted;
        }
    }

    /** Opaque access tokens with our prefix, so a token's kind is plain from its first characters. */
    private record AccessTokenGenerator(Clock clock) implements OAuth2TokenGenerator<OAuth2AccessToken> {
        @Override
        public OAuth2AccessToken generate(OAuth2TokenContext context) {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return null;
            }
            var issuedAt = clock.instant();
            var lifetime = context.getRegisteredClient().getTokenSettings().getAccessTokenTimeToLive();
            return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                Secrets.generate(CredentialKind.OAUTH_ACCESS_TOKEN), issuedAt, issuedAt.plus(lifetime),
                context.getAuthorizedScopes());
        }
    }

    /**
     * Consent is not remembered: the account is chosen per authorization, so every authorization
     * shows the consent page. (An app that wants a second account asks again and gets a second token.)
     */
    private static final class AskEveryTime implements OAuth2AuthorizationConsentService {
        @Override
        public void save(OAuth2AuthorizationConsent consent) { }

        @Override
        public void remove(OAuth2AuthorizationConsent consent) { }

        @Override
        public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
            return null;
        }
    }

    /**
     * A code presented with a wrong PKCE verifier (or none where one is due) is spent: whoever holds
     * it without the verifier gets no second guess, and the app starts over.
     */
    private record FailedVerifierKillsCode(AuthenticationProvider clients, OAuthAuthorizations authorizations)
            implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            try {
                return clients.authenticate(authentication);
            } catch (OAuth2AuthenticationException e) {
                if (OAuth2ErrorCodes.INVALID_GRANT.equals(e.getError().getErrorCode())
                        && authentication instanceof OAuth2ClientAuthenticationToken client
                        && AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
                            .equals(client.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))
                        && client.getAdditionalParameters().get(OAuth2ParameterNames.CODE) instanceof String code) {
                    authorizations.invalidateCode(code);
                }
                throw e;
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return clients.supports(authentication);
        }
    }

    /**
     * Refresh tokens rotate, so one presented again was copied: the authorization that spent it is
     * revoked, newer tokens and all, and the caller gets {@code invalid_grant} as for any dead token.
     * A refresh that succeeds goes on the audit trail.
     */
    private record SpentRefreshRevokesAll(AuthenticationProvider refresh, OAuthAuthorizations authorizations)
            implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            try {
                var result = refresh.authenticate(authentication);
                if (result instanceof OAuth2AccessTokenAuthenticationToken issued) {
                    authorizations.refreshed(issued.getAccessToken().getTokenValue());
                }
                return result;
            } catch (OAuth2AuthenticationException e) {
                if (OAuth2ErrorCodes.INVALID_GRANT.equals(e.getError().getErrorCode())
                        && authentication instanceof OAuth2RefreshTokenAuthenticationToken presented) {
                    authorizations.revokeIfSpent(presented.getRefreshToken());
                }
                throw e;
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return refresh.supports(authentication);
        }
    }

    /** A revocation at {@code /oauth/revoke} that succeeds goes on the audit trail. */
    private record RevocationAudited(AuthenticationProvider revocation, OAuthAuthorizations authorizations)
            implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            var result = revocation.authenticate(authentication);
            if (result instanceof OAuth2TokenRevocationAuthenticationToken revoked) {
                authorizations.revokedByApp(revoked.getToken());
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return revocation.supports(authentication);
        }
    }

    /** An app learns about its own tokens only: another app's token introspects as inactive (RFC 7662 section 4). */
    private record OwnTokensOnly(AuthenticationProvider introspection, OAuthAuthorizations authorizations)
            implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            var request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
            if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller
                    && caller.isAuthenticated() && caller.getRegisteredClient() != null) {
                var authorization = authorizations.findByToken(request.getToken(), null);
                if (authorization != null
                        && !authorization.getRegisteredClientId().equals(caller.getRegisteredClient().getId())) {
                    return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), caller,
                        OAuth2TokenIntrospection.builder().build());
                }
            }
            return introspection.authenticate(authentication);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return introspection.supports(authentication);
        }
    }

    /**
     * Spring's consent step, plus the account: the person must pick one of their active accounts,
     * and the authorization (and so every token issued from it) is bound to it.
     */
    private record AccountChoice(AuthenticationProvider consent, OAuthAuthorizations authorizations)
            implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication authentication) {
            var request = (OAuth2AuthorizationConsentAuthenticationToken) authentication;
            if (request.getScopes().isEmpty()) {
                // denied: Spring's provider answers the app with access_denied
                return consent.authenticate(authentication);
            }
            var result = (OAuth2AuthorizationCodeRequestAuthenticationToken) consent.authenticate(authentication);
            if (result == null || result.getAuthorizationCode() == null) {
                return result;
            }
            var code = result.getAuthorizationCode().getTokenValue();
            var account = chosenAccount(request.getAdditionalParameters());
            if (account == null || !authorizations.bindAccount(code, account)) {
                // the code was made before the choice could be checked: it dies unseen, and the app
                // hears invalid_request at its redirect URI, as for any malformed authorization
                authorizations.invalidateCode(code);
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "account_id: choose one of your accounts", null),
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(result.getAuthorizationUri(),
                        result.getClientId(), (Authentication) result.getPrincipal(), result.getRedirectUri(),
                        result.getState(), result.getScopes(), result.getAdditionalParameters()));
            }
            return result;
        }

        /** The one account id the form sent; null when it sent none, several, or not a number. */
        private static Long chosenAccount(Map<String, Object> parameters) {
            if (!(parameters.get(ACCOUNT_PARAMETER) instanceof String chosen)) {
                return null;
            }
            try {
                return Long.parseLong(chosen.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return consent.supports(authentication);
        }
    }
}
