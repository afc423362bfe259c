package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.redline.diff.DiffSummary;
import io.redline.diff.ParagraphChange;
import io.redline.diff.TextDiff;

import java.util.List;

/**
 * A diff as JSON: the two sides ({@code from}/{@code to}, absent for texts that are not stored), overall word
 * similarity, the headline change, counts, and one entry per paragraph (see {@link ParagraphChange}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiffResponse(VersionRef from, VersionRef to, double similarity, TextDiff.TitleChange title,
                           DiffSummary summary, List<ParagraphChange> paragraphs) {
    public static DiffResponse of(VersionRef from, VersionRef to, TextDiff diff) {
        return new DiffResponse(from, to, diff.similarity(), diff.title(), diff.summary(), diff.paragraphs());
    }
}
