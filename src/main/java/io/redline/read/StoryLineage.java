package io.redline.read;

import io.redline.store.Lineage;
import io.redline.store.VersionRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The lineage tree over a story's chain (its versions in time order): for each step, the step of the version
 * it derives from, and the path blame follows. Steps are 1-based positions in the chain.
 *
 * <p>Example: chain A v1, A v2 (UPDATE of A v1), B v1 (REVISION of A v1) gives parents none, 1, 1, and
 * {@code path(3)} = [1, 3]: B is compared with A v1, not with A v2 published between them.
 * Immutable and thread-safe.
 */
final class StoryLineage {
    private static final int NONE = 0;
    private static final int OUTSIDE = -1;

    /** Per step (index step - 1): the parent's step, NONE when no lineage is recorded, OUTSIDE when not in the story. */
    private final int[] parents;

    private StoryLineage(int[] parents) {
        this.parents = parents;
    }

    static StoryLineage of(List<VersionRow> chain) {
        Map<String, Integer> steps = new HashMap<>();
        for (int k = 0; k < chain.size(); k++) {
            steps.put(key(chain.get(k).articleId(), chain.get(k).version()), k + 1);
        }
        int[] parents = new int[chain.size()];
        for (int k = 0; k < chain.size(); k++) {
            Lineage l = chain.get(k).lineage();
            parents[k] = l.isNone() ? NONE
                    : steps.getOrDefault(key(l.parentArticle(), l.parentVersion()), OUTSIDE);
        }
        return new StoryLineage(parents);
    }

    /** The step of the version {@code step} derives from; empty when none is recorded or it is not in the story. */
    OptionalInt parentStep(int step) {
        int p = parents[step - 1];
        return p > 0 ? OptionalInt.of(p) : OptionalInt.empty();
    }

    /**
     * The steps from the root of {@code step}'s lineage down to {@code step}. A recorded parent that is not in the
     * story (deleted, or the source of a TEMPLATE in another story) makes its child a root. A step with no
     * recorded lineage (stored before lineage was, or joined the story without one) follows the step before it
     * in time order, as blame did before lineage, so old stories read as they did.
     */
    List<Integer> path(int step) {
        if (step < 1 || step > parents.length) {
            throw new IllegalArgumentException("step must be between 1 and " + parents.length + ", got " + step);
        }
        List<Integer> path = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int s = step;
        while (s > 0 && seen.add(s)) {
            path.add(s);
            int p = parents[s - 1];
            s = p == NONE ? s - 1 : p;
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    private static String key(String articleId, int version) {
        return articleId + '\u0000' + version;
    }
}
