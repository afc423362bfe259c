package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /diff}: two texts that are not stored. */
public record DiffRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Text from,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Text to) {
    /** One side: an optional headline and a body with paragraphs separated by blank lines. */
    public record Text(String title, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body) {
    }
}
