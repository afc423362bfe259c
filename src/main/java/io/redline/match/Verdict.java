package io.redline.match;

/** How a text relates to a stored one, and in a few words why: "names or years replaced in 3 of 4 reworded paragraphs". */
public record Verdict(Classification relation, String reason) {
}
