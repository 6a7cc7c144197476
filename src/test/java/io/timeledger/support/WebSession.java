package io.timeledger.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: one cookie jar, redirects not followed (so each hop can be checked),
 * and the hidden form fields of the last page at hand, CSRF token included.
 */
public final class WebSession {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    /** A GET with these request headers (name, value, name, value …): what htmx sends, say. */
    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).headers(headers).GET().build());
    }

    /** Posts a form; {@code fields} alternate name, value (a name may repeat). */
    public HttpResponse<String> post(String pathOrUrl, String... fields) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(List.of(fields))))
            .build());
    }

    /**
     * Posts a form as the pages' own forms do, with the session's CSRF token — read from the profile
     * page, which no notice is meant for (reading the page a notice is for would use it up); the
     * answer, its redirect not followed.
     */
    public HttpResponse<String> postForm(String pathOrUrl, String... fields) {
        var all = new String[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "_csrf";
        all[fields.length + 1] = hidden(get("/profile").body(), "_csrf");
        return post(pathOrUrl, all);
    }

    /**
     * Posts a form ({@link #postForm}) and follows its redirect as a browser does, showing (and so
     * using up) the notice it leaves; the page it ends on, its text unescaped. A form refused with
     * the page itself (no redirect) answers with that page.
     */
    public String submit(String pathOrUrl, String... fields) {
        var answer = postForm(pathOrUrl, fields);
        var page = answer.statusCode() / 100 == 3 ? get(location(answer)).body() : answer.body();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(page);
    }

    /** A session signed in through the form. */
    public static WebSession signedIn(int port, String email, String password) {
        var session = new WebSession(port);
        session.signIn(email, password);
        return session;
    }

    /**
     * Posts a file as a browser posts a form with {@code enctype="multipart/form-data"} and its CSRF
     * token, with the form's other {@code fields} (name, value, …) beside it.
     */
    public HttpResponse<String> postFile(String pathOrUrl, String csrf, String field, String fileName,
                                         String contentType, byte[] content, String... fields) {
        var boundary = "----timeledger" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf + "\r\n");
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
            .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(contentType)
            .append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
    }

    /** Fetches bytes (a picture), as an {@code <img>} does, with these request headers (name, value …). */
    public HttpResponse<byte[]> getBytes(String pathOrUrl, String... headers) {
        try {
            var request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the form, as a person would; answers the response to the form post. */
    public HttpResponse<String> signIn(String email, String password) {
        var page = get("/login");
        return post("/login", "email", email, "password", password, "_csrf", hidden(page.body(), "_csrf"));
    }

    /** Where a redirect points; fails if the response is not a redirect. */
    public static String location(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The value of the first hidden input with this name on the page. */
    public static String hidden(String page, String name) {
        Matcher matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
            }
        }
        throw new AssertionError("no hidden field " + name + " on the page");
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        var query = URI.create(url).getRawQuery();
        return List.of(query == null ? new String[0] : query.split("&")).stream()
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(
                pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    public static String form(List<String> fields) {
        var parts = new ArrayList<String>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            parts.add(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
