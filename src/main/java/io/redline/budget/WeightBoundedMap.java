package io.redline.budget;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A map whose values together weigh at most {@code maxWeight} (in whatever unit the caller counts: bytes, 8-byte
 * units), the least recently used dropped first. A value heavier than the whole bound is not kept. Not
 * thread-safe: the caches that use it lock around it.
 *
 * <p>Example: with a bound of 10, {@code put(a, x, 6)}, {@code put(b, y, 3)}, {@code get(a)}, {@code put(c, z, 4)}
 * drops b (the least recently used) and keeps a and c, weighing 10.
 */
public final class WeightBoundedMap<K, V> {
    private final long maxWeight;
    private final LinkedHashMap<K, Weighted<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private record Weighted<V>(V value, long weight) {
    }

    /** @param maxWeight at least 0; 0 keeps nothing */
    public WeightBoundedMap(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /** The value under {@code key}, now the most recently used, or null. */
    public V get(K key) {
        Weighted<V> w = entries.get(key);
        return w == null ? null : w.value();
    }

    /**
     * Puts {@code value} under {@code key} in place of what was there, unless it weighs more than the bound alone
     * (the key then keeps nothing), and drops the least recently used until the bound holds.
     */
    public void put(K key, V value, long valueWeight) {
        remove(key);
        if (valueWeight > maxWeight) {
            return;
        }
        entries.put(key, new Weighted<>(value, valueWeight));
        weight += valueWeight;
        Iterator<Weighted<V>> eldest = entries.values().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Removes and returns the value under {@code key}, or null. */
    public V remove(K key) {
        Weighted<V> old = entries.remove(key);
        if (old == null) {
            return null;
        }
        weight -= old.weight();
        return old.value();
    }

    /** Whether a value of {@code valueWeight} would be kept without dropping another. */
    public boolean fits(long valueWeight) {
        return weight + valueWeight <= maxWeight;
    }

    /** The key that would be dropped first, or null when empty. */
    public K eldestKey() {
        return entries.isEmpty() ? null : entries.keySet().iterator().next();
    }

    /** The weight of the values kept now. */
    public long weight() {
        return weight;
    }

    /** Values kept now. */
    public int size() {
        return entries.size();
    }
}
