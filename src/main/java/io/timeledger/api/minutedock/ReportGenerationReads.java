package io.timeledger.api.minutedock;

import io.timeledger.auth.ReadingRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** {@code POST /api/v1/reports/generate} runs a report and stores nothing. */
@Component
class ReportGenerationReads implements ReadingRequest {

    @Override
    public boolean onlyReads(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/reports/generate".equals(request.getRequestURI());
    }
}
