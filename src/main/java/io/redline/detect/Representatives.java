package io.redline.detect;

import io.redline.store.CandidateRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which LSH candidates a look-up verifies exactly: in each story, the {@code perStory} sharing the most band keys
 * (ties: lower article id first) and the one published last (ties: higher article id); of all those, the
 * {@code total} sharing the most keys (same ties). A newcomer to a story of a thousand near-identical versions
 * is thus compared with a few of them, not all, and the work per look-up stays bounded. Only the
 * {@link #considered()} candidates sharing the most keys are read from the store to choose among.
 *
 * <p>Example, {@code perStory} 2, {@code total} 4: candidates a (story 1, 9 keys), b (1, 7), c (1, 5, published
 * last), d (1, 3), e (2, 4) → a, b, c from story 1 and e from story 2; d is not verified.
 *
 * <p>The choice depends only on the candidates, their keys, stories and publication times, never on the order
 * they come in. Immutable and thread-safe.
 */
public final class Representatives {
    public static final int DEFAULT_PER_STORY = 4;
    public static final int DEFAULT_TOTAL = 32;
    static final int CONSIDERED_PER_VERIFIED = 4;

    private final int perStory;
    private final int total;

    /**
     * @param perStory candidates verified per story for their shared keys, at least 1 (plus the latest published)
     * @param total    candidates verified per look-up, at least {@code perStory + 1}
     */
    public Representatives(int perStory, int total) {
        if (perStory < 1) {
            throw new IllegalArgumentException("perStory must be >= 1, got " + perStory);
        }
        if (total < perStory + 1) {
            throw new IllegalArgumentException("total must be >= perStory + 1 = " + (perStory + 1) + ", got " + total);
        }
        this.perStory = perStory;
        this.total = total;
    }

    /**
     * Candidates worth reading at all, before stories are known: {@value #CONSIDERED_PER_VERIFIED} times the
     * {@code total}, those sharing the most band keys (see {@code CandidateIndex}).
     */
    public int considered() {
        return (int) Math.min(Integer.MAX_VALUE, (long) total * CONSIDERED_PER_VERIFIED);
    }

    public static Representatives defaults() {
        return new Representatives(DEFAULT_PER_STORY, DEFAULT_TOTAL);
    }

    /**
     * The candidates among {@code ids} to verify, reading their stories through {@code rows} only when there are
     * more than one story could keep; {@code keys} gives each one's shared band keys.
     */
    public Set<String> choose(Map<String, Integer> keys, Set<String> ids, Function<Set<String>, List<CandidateRow>> rows) {
        if (ids.size() <= perStory + 1) {
            return ids;
        }
        return choose(keys, rows.apply(ids));
    }

    /** The article ids to verify among {@code candidates}; {@code keys}: article id → band keys shared. */
    public Set<String> choose(Map<String, Integer> keys, List<CandidateRow> candidates) {
        // most keys shared first, then the lower article id
        Comparator<CandidateRow> rank = Comparator.<CandidateRow>comparingInt(c -> -keys.getOrDefault(c.articleId(), 0))
                .thenComparing(CandidateRow::articleId);
        Map<Long, List<CandidateRow>> stories = new HashMap<>();
        for (CandidateRow c : candidates) {
            stories.computeIfAbsent(c.storyId(), s -> new ArrayList<>()).add(c);
        }
        List<CandidateRow> chosen = new ArrayList<>();
        for (List<CandidateRow> members : stories.values()) {
            members.sort(rank);
            chosen.addAll(members.subList(0, Math.min(perStory, members.size())));
            if (members.size() > perStory) {
                CandidateRow latest = members.get(0);
                for (CandidateRow m : members) {
                    if (m.publishedAt() > latest.publishedAt() || (m.publishedAt() == latest.publishedAt()
                            && m.articleId().compareTo(latest.articleId()) > 0)) {
                        latest = m;
                    }
                }
                if (members.indexOf(latest) >= perStory) {
                    chosen.add(latest);
                }
            }
        }
        chosen.sort(rank);
        Set<String> ids = new LinkedHashSet<>();
        for (CandidateRow c : chosen.subList(0, Math.min(total, chosen.size()))) {
            ids.add(c.articleId());
        }
        return ids;
    }
}
