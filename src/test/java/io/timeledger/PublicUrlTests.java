package io.timeledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import io.timeledger.support.Fixtures;
import io.timeledger.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A request's {@code Host} header names no URL the server makes: the OAuth issuer, Harvest's
 * pagination links and {@code base_uri} start with the public URL, and redirects name only a path.
 */
class PublicUrlTests {

    private static final Map<String, String> FORGED = Map.of("Host", "evil.example");

    /** Where every absolute URL the server makes shows itself. */
    static void everyUrlStartsWith(String publicUrl, int port, String token) {
        var metadata = RawHttp.send(port, "GET /.well-known/oauth-authorization-server", null, FORGED, null);
        var company = RawHttp.send(port, "GET /v2/company", token, FORGED, null);
        var page = RawHttp.send(port, "GET /v2/users?per_page=1", token, FORGED, null);
        var signIn = RawHttp.send(port, "GET /profile", null, FORGED, null);

        assertThat(metadata.body()).contains("\"issuer\":\"" + publicUrl + "\"")
            .contains("\"token_endpoint\":\"" + publicUrl + "/oauth/token\"").doesNotContain("evil");
        assertThat(company.body()).contains("\"base_uri\":\"" + publicUrl).doesNotContain("evil");
        assertThat(page.body()).contains("\"first\":\"" + publicUrl + "/v2/users?").doesNotContain("evil");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.headers()).contains("location: /login").doesNotContain("evil");
    }

    @Nested
    @ApiTest
    class ByDefault {

        @Autowired Fixtures fixtures;
        @Value("${local.server.port}") int port;

        @Test
        void theServerIsLocalhostOnItsPort() {
            everyUrlStartsWith("http://localhost:" + port, port, fixtures.anAccount().token());
        }
    }

    @Nested
    @ApiTest
    @TestPropertySource(properties = "timeledger.public-url=https://time.example.com")
    class Configured {

        @Autowired Fixtures fixtures;
        @Value("${local.server.port}") int port;

        @Test
        void theServerIsWhereItIsConfiguredToBe() {
            everyUrlStartsWith("https://time.example.com", port, fixtures.anAccount().token());
        }
    }
}
