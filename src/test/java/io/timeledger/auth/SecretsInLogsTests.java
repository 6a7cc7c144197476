package io.timeledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.timeledger.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

    @Test
    void keysAndTokensInUrlsAreMaskedInEveryLogLine(CapturedOutput output) {
        var log = LoggerFactory.getLogger("io.timeledger.test");

        log.warn("GET /v1/jobs?api_key=tlk_secret123&page=2 and /v2/users/me?access_token=tlp_secret456");
        log.warn("failed", new IllegalStateException("while calling /v1/jobs?api_key=tlk_inTrace"));

        assertThat(output.getOut()).contains("api_key=[masked]&page=2", "access_token=[masked]")
            .doesNotContain("tlk_secret123", "tlp_secret456", "tlk_inTrace");
    }
}
