package io.redline.api;

import java.util.List;

/** A page of stories, most recently updated first. */
public record StoryPage(int page, int size, long total, List<StorySummary> stories) {
}
