package io.timeledger;

import io.timeledger.web.live.EventStreams;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A response goes to the socket in as few writes as it can. A page of a hundred entries is about
 * 50 KB: with the servlet response's buffer at 64 KB it is written once, with a
 * {@code Content-Length} instead of chunks; a larger one still streams, 64 KB at a time. Jetty takes
 * the buffer from its pool when the response first writes and gives it back when the response ends.
 *
 * <p>A refused request's answer arrives whole: a body nobody read (a 404 or 422 answered before the
 * body was wanted) is read and dropped, up to 2 MB, before the response ends. Jetty would otherwise
 * close the connection with the body unread, and the kernel answers unread data with a reset that
 * can reach the client before the answer does.
 */
@Configuration(proxyBeanMethods = false)
class ResponseWrites {

    static final int BUFFER_BYTES = 64 * 1024;

    /** An event stream's buffer: an event is a few hundred bytes; a longer catch-up is written through. */
    static final int STREAM_BUFFER_BYTES = 2 * 1024;

    /** The most of an unread request body read and dropped after a refusal (Tomcat's maxSwallowSize). */
    static final long MAX_DROPPED_BYTES = 2 * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> responseBuffer() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                // an event stream stays open for minutes and writes a few hundred bytes at a time,
                // flushing each: it holds a small buffer for as long as it is open
                response.setBufferSize(EventStreams.PATH.equals(request.getRequestURI()) ? STREAM_BUFFER_BYTES : BUFFER_BYTES);
                chain.doFilter(request, response);
                if (response.getStatus() >= 400 && !request.isAsyncStarted()) {
                    dropUnreadBody(request);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void dropUnreadBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length == 0 || length > MAX_DROPPED_BYTES) {
            return;
        }
        try {
            var body = request.getInputStream();
            var chunk = new byte[8192];
            long left = MAX_DROPPED_BYTES;
            int read;
            while (left > 0 && (read = body.read(chunk, 0, (int) Math.min(chunk.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException | IllegalStateException goneOrReadAsText) {
            // the client left, or the body was read as text or a form: nothing is left to drop
        }
    }
}
