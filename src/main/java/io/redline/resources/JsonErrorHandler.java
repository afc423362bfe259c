package io.redline.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ErrorBody;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the errors that Jetty raises before a request reaches the API (an unreadable URI, an encoded '/' in
 * a path, a bad header) in the API's JSON shape instead of Jetty's HTML page, whatever the client accepts.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** The servlet context's variant: errors raised inside the context (e.g. an encoded '/' in the path). */
    public static org.eclipse.jetty.ee10.servlet.ErrorHandler forServlets(ObjectMapper json) {
        JsonErrorHandler core = new JsonErrorHandler(json);
        return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                         String contentType, List<Charset> charsets, int code,
                                                         String message, Throwable cause) {
                return core.generateAcceptableResponse(request, response, callback, contentType, charsets, code,
                        message, cause);
            }
        };
    }

    /** Jetty writes error bodies for GET, POST and HEAD only; a DELETE deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Malformed requests (unreadable URI or headers) are answered from here, before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (code == 400) {
            // Jetty drops the connection after a request it could not read (a NUL in the path): say so, or a client
            // would send its next request on it and get no answer
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        return true;
    }

    private byte[] body(int code, String message) {
        try {
            return json.writeValueAsBytes(ErrorBody.of(code, message == null || message.isBlank() ? "HTTP " + code : message));
        } catch (JsonProcessingException e) {
            return ("{\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
