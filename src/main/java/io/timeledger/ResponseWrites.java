package io.timeledger;

import io.timeledger.web.live.EventStreams;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A response goes to the socket in as few writes as it can. Tomcat buffers a response in 8 KB
 * and writes its socket in 8 KB: a page of a hundred entries (about 50 KB) left in seven chunked
 * writes, and each write on loopback is a trip through the whole TCP stack. With 64 KB of both, a
 * page up to 64 KB is written once, with a {@code Content-Length} instead of chunks; a larger one
 * still streams, 64 KB at a time. The socket's buffer belongs to the connection for as long as it is
 * open, which is why {@code server.tomcat.max-connections} caps open connections at 1,000; it is
 * a direct buffer, so what open connections hold is outside the heap (the JVM caps direct memory at
 * the heap's size).
 */
@Configuration(proxyBeanMethods = false)
class ResponseWrites {

    static final int BUFFER_BYTES = 64 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
            // outside the heap: an open connection's socket buffers (72 KB) are not the heap's to
            // carry, and a thousand event streams held 165 MB of a 256 MB heap with them inside
            connector.setProperty("socket.directBuffer", "true");
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> responseBuffer() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                // an event stream stays open for minutes and writes a few hundred bytes at a time:
                // it keeps Tomcat's 8 KB (a thousand streams held 64 MB more of the heap)
                if (!EventStreams.PATH.equals(request.getRequestURI())) {
                    response.setBufferSize(BUFFER_BYTES);
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
