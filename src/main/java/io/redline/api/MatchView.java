package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A stored article that resembles the text: {@code classification} is the relation (DUPLICATE, REVISION,
 * EXCERPT, TEMPLATE or NEW) and {@code reason} says in a few words why; {@code jaccard} and {@code containment}
 * (the share of the text's shingles found in the match) are exact; {@code matchContainment} is the share of the
 * match found in the text; {@code evidence} counts the paragraphs and changes behind the relation. {@code source},
 * {@code url} and {@code publishedAt} are the stored version's, absent when it has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(String id, long storyId, String title, String classification, String reason,
                        double jaccard, double containment, double matchContainment, double paragraphCoverage,
                        EvidenceView evidence, List<SharedParagraphView> sharedParagraphs, String source, String url,
                        Instant publishedAt) {
}
