package io.timeledger.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class ApiExceptionHandlerTests {

    private final ErrorShapes shapes = new ErrorShapes(List.of(), JsonMapper.builder().build());
    private final ApiExceptionHandler handler = new ApiExceptionHandler(shapes, new ErrorEndpoint(shapes));

    @Test
    void aClientThatWentAwayWhileItsAnswerWasWrittenGetsNoErrorPage() {
        var brokenPipe = new HttpMessageNotWritableException("Could not write JSON", new IOException("Broken pipe"));

        assertThat(handler.unexpected(brokenPipe, new MockHttpServletRequest("GET", "/v1/time-entries"))).isNull();
    }

    @Test
    void anyOtherFailureIsA500() {
        var response = handler.unexpected(new IllegalStateException("a bug"),
            new MockHttpServletRequest("GET", "/v1/time-entries"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }
}
