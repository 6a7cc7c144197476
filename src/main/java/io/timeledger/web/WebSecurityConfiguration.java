package io.timeledger.web;

import io.timeledger.auth.OAuthAuthorizations;
import io.timeledger.auth.SignInThrottle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Everything outside the API and the OAuth endpoints: the sign-in form (CSRF on, session cookie
 * HttpOnly and SameSite=Lax, Secure whenever the request came over HTTPS), sign-out, and the pages
 * that need a signed-in person. The health probe and unknown paths stay open (unknown paths 404).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    static final String LOGIN = "/login";

    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                    SignInThrottle throttle) throws Exception {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return http
            .authenticationManager(new ProviderManager(throttle.guarding(passwords)))
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/", "/profile", "/profile/**", "/timesheet", "/timesheet/**", "/manage/**",
                    "/account", OAuthAuthorizations.CONSENT_PAGE).authenticated()
                .anyRequest().permitAll())
            .formLogin(form -> form
                .loginPage(LOGIN)
                .usernameParameter("email")
                .defaultSuccessUrl("/timesheet")
                .failureHandler(new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error")))
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl(LOGIN + "?signed-out"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
            .build();
    }
}
