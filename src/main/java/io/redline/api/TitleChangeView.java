package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The headline's change in a diff: both texts and the word runs between them. Published as {@code TitleChange}. */
@Schema(name = "TitleChange")
public record TitleChangeView(String from, String to, boolean changed, List<WordChangeView> changes) {
}
