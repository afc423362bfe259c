package io.redline.read;

import io.redline.budget.WeightBoundedMap;
import io.redline.diff.DiffSummary;
import io.redline.diff.StoryHistory;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What a story's time line and the blame of its latest version compute from the stored texts — each step's
 * diff against the step before, and the latest version's history along its lineage — kept per story for as
 * long as the story's chain stays the same, least recently used dropped first, within a budget of bytes.
 *
 * <p>An entry is kept with the chain's {@link Stamp}: each version's article id, version, content hash, length,
 * title and lineage, in time order. A new version, a merge (versions join), a deletion or a re-ingested id
 * (another content hash) changes the stamp, and the entry is then computed afresh: a stale answer is never
 * served. Everything else the time line shows (dates, sources, the stories of parents outside the story) is read
 * from the store on every request.
 *
 * <p>Example: with a budget of 16 MiB, the 62-version story of the page tests is estimated at 40 KB; its first
 * time line computes 61 diffs and one history, the next ones none; once a 63rd version arrives, one diff (the
 * other 61 steps' two sides are unchanged) and the history again. A budget of 0 keeps nothing.
 *
 * <p>The two parts are computed and kept apart: the time line and the blame of the latest version share the
 * history (whichever is asked first computes it), and a blame alone never diffs the steps. Thread-safe; two
 * requests that miss the same part at once (the page sends its two together) both compute it, and the later
 * one's result is kept.
 */
public final class TimelineCache {
    /** 16 MiB: several hundred long stories. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** Per version of the chain, what identifies its text and its place in the lineage. */
    public record Stamp(String articleId, int version, String contentHash, int bodyLength, String title,
                        Lineage lineage) {
        static List<Stamp> of(List<VersionRow> chain) {
            List<Stamp> stamps = new ArrayList<>(chain.size());
            for (VersionRow v : chain) {
                stamps.add(new Stamp(v.articleId(), v.version(), v.contentHash(), v.body().length(), v.title(),
                        v.lineage()));
            }
            return List.copyOf(stamps);
        }
    }

    /** One step's change from the step before (absent for the first step), with its size. */
    public record StepChange(Boolean titleChanged, Double similarity, DiffSummary summary, int words, int paragraphs) {
    }

    private record Entry(List<Stamp> stamp, List<StepChange> steps, StoryHistory.History latest) {
    }

    /** By story, weighed in estimated bytes. */
    private final WeightBoundedMap<Long, Entry> entries;
    private long hits;
    private long misses;

    /** @param maxBytes estimated bytes kept at most, at least 0 (0: nothing is kept) */
    public TimelineCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be at least 0, got " + maxBytes);
        }
        this.entries = new WeightBoundedMap<>(maxBytes);
    }

    /**
     * Each step's change from the one before, for this chain of the story: kept, or computed and kept. After a
     * change of the chain, a step whose text and whose predecessor's text are as they were keeps its change:
     * {@code compute} is asked only for the others (a new version costs one diff, not one per version).
     *
     * @param compute the change of the step at a 0-based index of {@code chain}
     */
    public List<StepChange> steps(long storyId, List<VersionRow> chain, IntFunction<StepChange> compute) {
        List<Stamp> stamp = Stamp.of(chain);
        Entry e = kept(storyId, stamp, true);
        if (e != null && e.stamp().equals(stamp) && e.steps() != null) {
            return e.steps();
        }
        Map<List<Stamp>, StepChange> before = e == null ? Map.of() : pairs(e);
        List<StepChange> steps = new ArrayList<>(chain.size());
        for (int k = 0; k < chain.size(); k++) {
            StepChange c = before.get(pair(stamp, k));
            steps.add(c != null ? c : compute.apply(k));
        }
        steps = List.copyOf(steps);
        keep(storyId, stamp, steps, null);
        return steps;
    }

    /** The kept changes by the stamps of their two sides (of one side for a first step). */
    private static Map<List<Stamp>, StepChange> pairs(Entry e) {
        Map<List<Stamp>, StepChange> out = new HashMap<>();
        for (int k = 0; e.steps() != null && k < e.steps().size(); k++) {
            out.put(pair(e.stamp(), k), e.steps().get(k));
        }
        return out;
    }

    private static List<Stamp> pair(List<Stamp> stamp, int k) {
        return k == 0 ? List.of(stamp.get(0)) : List.of(stamp.get(k - 1), stamp.get(k));
    }

    /** The history of the chain's latest version along its lineage: kept, or computed and kept. */
    public StoryHistory.History latest(long storyId, List<VersionRow> chain, Supplier<StoryHistory.History> compute) {
        List<Stamp> stamp = Stamp.of(chain);
        Entry e = kept(storyId, stamp, false);
        if (e != null && e.stamp().equals(stamp) && e.latest() != null) {
            return e.latest();
        }
        StoryHistory.History latest = compute.get();
        keep(storyId, stamp, null, latest);
        return latest;
    }

    /** The story's entry, kept or not; a hit when it holds the asked part for this stamp. */
    private synchronized Entry kept(long storyId, List<Stamp> stamp, boolean steps) {
        Entry e = entries.get(storyId);
        if (e != null && e.stamp().equals(stamp) && (steps ? e.steps() != null : e.latest() != null)) {
            hits++;
        } else {
            misses++;
        }
        return e;
    }

    /** Keeps a part computed for {@code stamp}, with the other part when that was computed for the same stamp. */
    private synchronized void keep(long storyId, List<Stamp> stamp, List<StepChange> steps,
                                   StoryHistory.History latest) {
        Entry old = entries.remove(storyId);
        if (old != null && old.stamp().equals(stamp)) {
            steps = steps == null ? old.steps() : steps;
            latest = latest == null ? old.latest() : latest;
        }
        entries.put(storyId, new Entry(stamp, steps, latest), bytes(stamp, steps, latest));
    }

    /** Estimated bytes kept now. */
    public synchronized long bytes() {
        return entries.weight();
    }

    /** Stories kept now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Look-ups answered from what was kept, and those that computed, since the start. */
    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /**
     * A generous estimate of the heap an entry holds on a 64-bit JVM: object headers and fields, two bytes per
     * character of every string (a blame line's text is its own string), boxed figures.
     */
    static long bytes(List<Stamp> stamp, List<StepChange> steps, StoryHistory.History latest) {
        long n = 64;
        for (Stamp s : stamp) {
            n += 64 + chars(s.articleId()) + chars(s.contentHash()) + chars(s.title())
                    + 48 + chars(s.lineage().parentArticle()) + chars(s.lineage().relation());
        }
        if (steps != null) {
            n += 16L + 8L * steps.size();
            for (StepChange c : steps) {
                n += 32 + (c.summary() == null ? 0 : 56 + 16 + 16);
            }
        }
        if (latest != null) {
            n += 32 + 40L * latest.paragraphs().size();
            for (StoryHistory.BlameLine line : latest.sentences()) {
                n += 48 + chars(line.text());
            }
        }
        return n;
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }
}
