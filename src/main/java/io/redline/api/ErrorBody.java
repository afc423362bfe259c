package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error the API returns: the HTTP status, what was wrong, and where when known (a field, or a line and
 * column of the request body).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, String field, Integer line, Integer column) {
    public static ErrorBody of(int code, String message) {
        return new ErrorBody(code, message, null, null, null);
    }
}
