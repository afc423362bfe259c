package io.redline.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.stream.Collectors;

/** Describes unreadable JSON for a person: what was wrong, and the field or line and column where. */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static ErrorBody describe(JsonProcessingException e) {
        // the body's stream may have failed under the parser (too large, undecodable): say that, not "invalid value"
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            ErrorBody known = ErrorBodies.of(cause);
            if (known != null) {
                return known;
            }
        }
        if (e instanceof StreamConstraintsException) {
            return new ErrorBody(413, "JSON value too large: " + e.getOriginalMessage(), null, null, null);
        }
        JsonLocation at = e.getLocation();
        Integer line = at == null ? null : at.getLineNr();
        Integer column = at == null ? null : at.getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new ErrorBody(400, "invalid value for field '" + field + "': " + firstLine(e.getOriginalMessage()),
                    field, line, column);
        }
        return new ErrorBody(400, "malformed JSON: " + firstLine(e.getOriginalMessage()), null, line, column);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names the (redacted) input source inside locations; the reader only needs line and column.
        return line.replaceAll("\\[Source: [^;]*; ", "[");
    }
}
