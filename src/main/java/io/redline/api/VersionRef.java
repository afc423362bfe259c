package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Which stored version a side of a diff is: article, version, and its step in the story's time line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionRef(String articleId, Integer version, Integer step, String title) {
}
