package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One line of the NDJSON answer of {@code POST /articles/bulk}: the stored result or the error of that line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkLineResult(int line, String id, Integer version, Long storyId, String status, String classification,
                             ErrorBody error) {
}
