package io.timeledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The pages' own style sheet, scripts and icons are linked with their content's fingerprint
 * ({@code @{/css/app.css}} renders as {@code /css/app.css?v=3f2a9c1b0e}), so that a browser keeps
 * each for a year and asks again only when a new build changes it: a page view fetches its HTML
 * and nothing else. The WebJars' paths name their version already and are kept as long. Anything
 * asked for without its current fingerprint — the manifest's icons, an old page's link after an
 * upgrade — is revalidated on each use instead ({@code no-cache}; answered 304 while unchanged).
 * <p>
 * Spring's resource chain would do the same by rewriting every link through a resource lookup
 * (a quarter of the week page's time when it was on, application.properties); here a link costs
 * one map lookup, the fingerprints taken once at start.
 */
@Configuration(proxyBeanMethods = false)
class Assets {

    static final String KEPT = "public, max-age=31536000, immutable";
    static final String REVALIDATED = "no-cache";

    /** The fingerprint of each file under {@code static/}, by its path ("/css/app.css"). */
    private final Map<String, String> fingerprints;

    Assets() {
        this.fingerprints = fingerprints();
    }

    /** {@code link} with its fingerprint where it names one of our files; else as it is. */
    String fingerprinted(String link) {
        int end = link.indexOf('?');
        var path = end < 0 ? link : link.substring(0, end);
        var fingerprint = fingerprints.get(path);
        if (fingerprint == null) {
            return link;
        }
        return link + (end < 0 ? "?v=" : "&v=") + fingerprint;
    }

    /** Whether {@code path} asked with {@code version} can only ever answer what it answers now. */
    boolean unchanging(String path, String version) {
        return path.startsWith("/webjars/") || version != null && version.equals(fingerprints.get(path));
    }

    /** Every page's links to our files carry their fingerprints. */
    @Bean
    static BeanPostProcessor fingerprintedLinks(ObjectProvider<Assets> assets) {
        var known = SingletonSupplier.of(assets::getObject);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new StandardLinkBuilder() {
                        @Override
                        protected String processLink(IExpressionContext context, String link) {
                            return super.processLink(context, known.obtain().fingerprinted(link));
                        }
                    });
                }
                return bean;
            }
        };
    }

    /** How long a browser may keep what it fetched of our files and the WebJars. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> assetCaching() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var path = request.getRequestURI().substring(request.getContextPath().length());
                response.setHeader(HttpHeaders.CACHE_CONTROL,
                    unchanging(path, request.getParameter("v")) ? KEPT : REVALIDATED);
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/css/*", "/js/*", "/icons/*", "/webjars/*", "/manifest.webmanifest");
        return registration;
    }

    private static Map<String, String> fingerprints() {
        var found = new HashMap<String, String>();
        try {
            for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:/static/**")) {
                var url = file.getURL().toString();
                if (!file.isReadable() || url.endsWith("/")) {
                    continue;
                }
                try (var content = file.getInputStream()) {
                    var digest = MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
                    found.put(url.substring(url.lastIndexOf("/static/") + "/static".length()),
                        HexFormat.of().formatHex(digest, 0, 5));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pages' static files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return Map.copyOf(found);
    }
}
