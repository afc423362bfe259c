package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error the API returns: the HTTP status, what was wrong, and where when known (a field, or a line and
 * column of the request body).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int code,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message,
                        String field, Integer line, Integer column) {
    public static ErrorBody of(int code, String message) {
        return new ErrorBody(code, message, null, null, null);
    }
}
