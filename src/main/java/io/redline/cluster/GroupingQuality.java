package io.redline.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well a grouping of documents into stories matches the true clusters, pairwise and B-cubed.
 *
 * <p>Pairwise precision is the share of document pairs in one story that are also in one true cluster;
 * pairwise recall the share of pairs in one true cluster that are also in one story. Pairs are never listed:
 * they are counted from the contingency table as n(n−1)/2 per story, per cluster and per (story, cluster)
 * cell. B-cubed asks the same two questions per document — of the documents in my story, the share in my
 * cluster; of those in my cluster, the share in my story — and averages over documents.
 *
 * <p>Example: stories {a, b, c} and {d}, true clusters {a, b} and {c, d}. Story pairs 3 (ab, ac, bc), cluster
 * pairs 2 (ab, cd), pairs in both 1 (ab): pairwise precision 1/3, recall 1/2. B-cubed precision
 * (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3, recall (1 + 1 + 1/2 + 1/2) / 4 = 3/4.
 *
 * <p>With no pair in any story (every document alone) pairwise precision is 1; with no pair in any cluster
 * pairwise recall is 1. An F1 whose precision and recall are both 0 is 0. Immutable; {@link #of} is pure.
 */
public record GroupingQuality(int documents, int stories, int clusters, double pairwisePrecision,
                              double pairwiseRecall, double bcubedPrecision, double bcubedRecall) {

    /**
     * Scores {@code storyOf} (document id → story) against {@code clusterOf} (document id → true cluster).
     * Labels of either map may be of any type with value equality; neither map nor any label may be null.
     *
     * @throws IllegalArgumentException if there are no documents or the two maps do not hold the same ids
     */
    public static GroupingQuality of(Map<String, ?> storyOf, Map<String, ?> clusterOf) {
        Objects.requireNonNull(storyOf, "storyOf");
        Objects.requireNonNull(clusterOf, "clusterOf");
        if (storyOf.isEmpty()) {
            throw new IllegalArgumentException("no documents to score");
        }
        if (storyOf.size() != clusterOf.size()) {
            throw new IllegalArgumentException("stories are given for " + storyOf.size()
                    + " documents but clusters for " + clusterOf.size());
        }
        Map<Object, Integer> storySizes = new HashMap<>();
        Map<Object, Integer> clusterSizes = new HashMap<>();
        Map<List<Object>, Integer> cells = new HashMap<>();
        for (Map.Entry<String, ?> e : storyOf.entrySet()) {
            Object story = Objects.requireNonNull(e.getValue(), () -> "no story for " + e.getKey());
            Object cluster = clusterOf.get(e.getKey());
            if (cluster == null) {
                throw new IllegalArgumentException("no true cluster for " + e.getKey());
            }
            storySizes.merge(story, 1, Integer::sum);
            clusterSizes.merge(cluster, 1, Integer::sum);
            cells.merge(List.of(story, cluster), 1, Integer::sum);
        }
        long storyPairs = 0;
        for (int n : storySizes.values()) {
            storyPairs += pairs(n);
        }
        long clusterPairs = 0;
        for (int n : clusterSizes.values()) {
            clusterPairs += pairs(n);
        }
        long jointPairs = 0;
        double bcubedPrecision = 0;
        double bcubedRecall = 0;
        for (Map.Entry<List<Object>, Integer> cell : cells.entrySet()) {
            double n = cell.getValue();
            jointPairs += pairs(cell.getValue());
            // each of the n documents of the cell sees n of its story (or cluster) in its cluster (or story)
            bcubedPrecision += n * n / storySizes.get(cell.getKey().get(0));
            bcubedRecall += n * n / clusterSizes.get(cell.getKey().get(1));
        }
        int documents = storyOf.size();
        return new GroupingQuality(documents, storySizes.size(), clusterSizes.size(),
                storyPairs == 0 ? 1 : (double) jointPairs / storyPairs,
                clusterPairs == 0 ? 1 : (double) jointPairs / clusterPairs,
                bcubedPrecision / documents, bcubedRecall / documents);
    }

    public double pairwiseF1() {
        return f1(pairwisePrecision, pairwiseRecall);
    }

    public double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
