package io.redline.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes a refused request's answer: the status and an {@link ErrorBody} as JSON, like every API error. */
public final class Refusal {
    private final ObjectMapper json;

    public Refusal(ObjectMapper json) {
        this.json = json;
    }

    public void send(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        // the request's body stays unread: close the connection so that no client sends its next request on a
        // connection the server is about to drop
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ErrorBody.of(status, message));
    }
}
