package io.redline.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.broadcast.Broadcast;

/**
 * Sends every article (keyed by its number in time order) to the partition of its group, so that articles that
 * could ever meet in a look-up are ingested together, in order.
 */
final class GroupPartitioner extends Partitioner {
    private final Broadcast<int[]> labels;
    private final int partitions;

    GroupPartitioner(Broadcast<int[]> labels, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.labels = labels;
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        int label = labels.value()[(int) (long) (Long) key];
        // spread group labels (first article numbers) evenly, not in runs
        return Math.floorMod(Long.hashCode(label * 0x9E3779B97F4A7C15L), partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupPartitioner g && g.labels.id() == labels.id() && g.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(labels.id()) * 31 + partitions;
    }
}
