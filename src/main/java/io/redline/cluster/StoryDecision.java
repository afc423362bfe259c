package io.redline.cluster;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where an incoming article version goes: into story {@code target} (or a new story when empty), after the
 * stories in {@code merged} have been merged into it.
 */
public record StoryDecision(OptionalLong target, List<Long> merged) {
    public StoryDecision {
        merged = List.copyOf(merged);
        if (target.isEmpty() && !merged.isEmpty()) {
            throw new IllegalArgumentException("a new story cannot absorb stories " + merged);
        }
        if (target.isPresent() && merged.contains(target.getAsLong())) {
            throw new IllegalArgumentException("story " + target.getAsLong() + " cannot be merged into itself");
        }
    }

    public boolean createsStory() {
        return target.isEmpty();
    }
}
