package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A diff as JSON: the two sides ({@code from}/{@code to}, absent for texts that are not stored), overall word
 * similarity, the headline change, counts, and one entry per paragraph (see {@link ParagraphChangeView}).
 * {@link DiffViews#response} builds it from the diff engine's result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiffResponse(VersionRef from, VersionRef to, double similarity, TitleChangeView title,
                           DiffSummaryView summary, List<ParagraphChangeView> paragraphs) {
}
