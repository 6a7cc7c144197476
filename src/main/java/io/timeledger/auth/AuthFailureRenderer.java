package io.timeledger.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an authentication failure in the error shape of the API dialect the request spoke. */
public interface AuthFailureRenderer {

    void render(HttpServletRequest request, HttpServletResponse response, AuthProblem problem) throws IOException;
}
