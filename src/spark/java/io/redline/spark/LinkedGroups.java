package io.redline.spark;

/**
 * Union-find over articles numbered 0..n-1: which articles could ever meet in a look-up (they share an LSH key or
 * an id), joined transitively. One int per article. Not thread-safe.
 *
 * <p>Example, n = 5: link(0, 3), link(3, 4) → groups {0, 3, 4}, {1}, {2}; {@code group(4) == group(0)}.
 */
final class LinkedGroups {
    private final int[] parent;

    LinkedGroups(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    void link(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            // the smaller number becomes the root, so a group's label is its first article
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    int root(int a) {
        int r = a;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[a] != r) {
            int next = parent[a];
            parent[a] = r;
            a = next;
        }
        return r;
    }

    /** Every article's group label (the lowest article number in its group). */
    int[] labels() {
        int[] out = new int[parent.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = root(i);
        }
        return out;
    }
}
