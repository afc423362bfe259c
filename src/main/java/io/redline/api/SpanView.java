package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Character offsets {@code [start, end)} into a text: a paragraph of a body, or a sentence of a paragraph.
 * Published as {@code Span}.
 */
@Schema(name = "Span")
public record SpanView(int start, int end) {
}
