package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One run of a word-level diff: the EQUAL and DELETE runs in order give the old text exactly, the EQUAL and
 * INSERT runs the new one. Published as {@code WordChange}.
 */
@Schema(name = "WordChange")
public record WordChangeView(Op op, String text) {
    /** The names are the API's. */
    public enum Op { EQUAL, INSERT, DELETE }
}
