package io.redline.spark;

import io.redline.text.Hashes;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.StreamSupport;

/**
 * Pairs of articles (by number in time order) that could meet in one of the service's look-ups, as links for
 * {@link LinkedGroups}. A look-up keeps a stored entry that shares two keys with the text, or one key whose bucket
 * then held at most {@code weakBucket} live entries ({@code LshIndex.find}); versions of one article always meet.
 *
 * <p>Linking every pair that shares any one key, as the job first did, tied a generated archive of 100,000
 * articles into one group of 62,366 (a shared key of a common phrase bridges two stories, and such bridges
 * percolate), so one task ingested most of the archive. Counting shared keys per pair gives groups of at most 55
 * there (BENCHMARKS §11(b)). Where a rule below cannot tell, it links: a link too many only makes a group bigger,
 * and ingesting a bigger group gives every article the same decisions. The bucket cap and the limit on candidates
 * read are ignored for the same reason.
 *
 * <p>Shared keys are counted pair by pair within buckets of at most {@code countedBucket} articles; a bigger
 * bucket would make the pairs quadratic, so its key counts through each article's list of such "big" keys: two
 * articles sharing two big keys meet through a pair of keys both hold, and one small and one big key are found
 * when the small bucket's pairs are listed with their members' big keys.
 */
final class CandidateLinks {
    static final int DEFAULT_COUNTED_BUCKET = 64;
    /** An article with more big keys than this has each of their buckets linked whole instead of pairs of keys. */
    static final int MAX_KEY_PAIRS_FROM = 32;

    private final int weakBucket;
    private final int countedBucket;

    CandidateLinks(int weakBucket, int countedBucket) {
        if (weakBucket < 1 || countedBucket < 1) {
            throw new IllegalArgumentException("weakBucket and countedBucket must be >= 1, got " + weakBucket
                    + ", " + countedBucket);
        }
        this.weakBucket = weakBucket;
        this.countedBucket = countedBucket;
    }

    /**
     * Hands every link to {@code link} on the driver, then drops what was cached on the way.
     *
     * @param keyed (LSH key, article number) for every distinct key of every article
     * @param ids   (article id, article number) for every article: an id's numbers are its versions
     */
    void forEachLink(JavaPairRDD<Long, Integer> keyed, JavaPairRDD<String, Integer> ids, JavaSparkContext sc,
                     LongConsumer link) {
        JavaRDD<int[]> updated = ids.groupByKey().values().map(CandidateLinks::sorted).filter(v -> v.length > 1)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        Broadcast<int[]> superseded = sc.broadcast(sorted(updated.flatMap(v -> {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < v.length - 1; i++) {
                out.add(v[i]);
            }
            return out.iterator();
        }).collect()));
        JavaPairRDD<Long, int[]> buckets = keyed.groupByKey().mapValues(CandidateLinks::sorted)
                .filter(b -> b._2().length > 1).persist(StorageLevel.MEMORY_AND_DISK_SER());
        int counted = countedBucket;
        JavaPairRDD<Integer, long[]> bigKeys = buckets.filter(b -> b._2().length > counted)
                .flatMapToPair(CandidateLinks::members)
                .groupByKey().mapValues(CandidateLinks::sortedLongs).persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            Iterator<Long> links = links(updated, superseded, buckets, bigKeys).toLocalIterator();
            while (links.hasNext()) {
                link.accept(links.next());
            }
        } finally {
            updated.unpersist();
            buckets.unpersist();
            bigKeys.unpersist();
            superseded.destroy();
        }
    }

    private JavaRDD<Long> links(JavaRDD<int[]> updated, Broadcast<int[]> superseded, JavaPairRDD<Long, int[]> buckets,
                                JavaPairRDD<Integer, long[]> bigKeys) {
        JavaRDD<Long> sameId = updated.flatMap(v -> {
            List<Long> out = new ArrayList<>();
            for (int i = 1; i < v.length; i++) {
                out.add(link(v[0], v[i]));
            }
            return out.iterator();
        });
        int weak = weakBucket;
        int counted = countedBucket;
        JavaRDD<Long> strong = buckets.values().flatMap(m -> strongLinks(m, weak, superseded.value()).iterator());
        JavaRDD<Long> twoBig = bigKeys.flatMapToPair(a -> keyPairs(a._1(), a._2()).iterator())
                .groupByKey().flatMap(members -> linkAll(sorted(members._2())).iterator());
        JavaRDD<Long> wholeBuckets = buckets.join(bigKeys.filter(a -> a._2().length > MAX_KEY_PAIRS_FROM)
                        .flatMapToPair(a -> Arrays.stream(a._2()).mapToObj(k -> new Tuple2<>(k, true)).iterator())
                        .reduceByKey((a, b) -> a))
                .flatMap(b -> linkAll(b._2()._1()).iterator());
        JavaRDD<Long> counts = buckets.filter(b -> b._2().length <= counted)
                .flatMapToPair(CandidateLinks::members)
                .leftOuterJoin(bigKeys)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), new Member(t._1(), t._2()._2().orElse(NO_KEYS))))
                .groupByKey()
                .flatMapToPair(bucket -> evidence(bucket._2()).iterator())
                .reduceByKey(Integer::sum)
                .filter(pair -> pair._2() >= 2)
                .keys();
        return sameId.union(strong).union(twoBig).union(wholeBuckets).union(counts).distinct();
    }

    /** (article number, key) for each article of a bucket. */
    private static Iterator<Tuple2<Integer, Long>> members(Tuple2<Long, int[]> bucket) {
        List<Tuple2<Integer, Long>> out = new ArrayList<>(bucket._2().length);
        for (int m : bucket._2()) {
            out.add(new Tuple2<>(m, bucket._1()));
        }
        return out.iterator();
    }

    /**
     * Links of a bucket's articles (in time order) that found it holding at most {@code weakBucket} live entries,
     * where one key keeps a candidate, to those before them. An article whose id has a later version in the
     * archive may have left the bucket by then; the others never leave, so once more than {@code weakBucket} of
     * them came before, no later look-up finds it weak. Each such article is linked to the first: those before it
     * are linked already.
     */
    static List<Long> strongLinks(int[] members, int weakBucket, int[] superseded) {
        List<Long> out = new ArrayList<>();
        int staying = 0;
        for (int r = 1; r < members.length; r++) {
            if (Arrays.binarySearch(superseded, members[r - 1]) < 0 && ++staying > weakBucket) {
                break;
            }
            out.add(link(members[0], members[r]));
        }
        return out;
    }

    /** Pairs of one article's big keys, each as one key, with the article's number; none past the limit. */
    static List<Tuple2<Long, Integer>> keyPairs(int article, long[] big) {
        List<Tuple2<Long, Integer>> out = new ArrayList<>();
        if (big.length > MAX_KEY_PAIRS_FROM) {
            return out;
        }
        for (int x = 0; x < big.length; x++) {
            for (int y = x + 1; y < big.length; y++) {
                out.add(new Tuple2<>(pairKey(big[x], big[y]), article));
            }
        }
        return out;
    }

    /**
     * Every pair of a counted bucket's articles, with 2 when they also share a big key (two keys in common
     * already) and 1 otherwise, to be added up over all counted buckets.
     */
    static List<Tuple2<Long, Integer>> evidence(Iterable<Member> bucket) {
        List<Member> members = new ArrayList<>();
        bucket.forEach(members::add);
        members.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Tuple2<Long, Integer>> out = new ArrayList<>();
        for (int x = 0; x < members.size(); x++) {
            for (int y = x + 1; y < members.size(); y++) {
                Member a = members.get(x);
                Member b = members.get(y);
                out.add(new Tuple2<>(link(a.number(), b.number()), Hashes.intersects(a.bigKeys(), b.bigKeys()) ? 2 : 1));
            }
        }
        return out;
    }

    /** An article of a counted bucket, with its big keys. */
    record Member(int number, long[] bigKeys) implements Serializable {
    }

    private static final long[] NO_KEYS = new long[0];

    /**
     * One key for a pair of keys: articles holding the same pair share two keys. A collision of two pairs only
     * links two articles that need not be, which changes no decision.
     */
    static long pairKey(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + Long.rotateLeft(b, 29) * 0xC2B2AE3D27D4EB4FL;
        return h ^ (h >>> 31);
    }

    private static List<Long> linkAll(int[] members) {
        List<Long> out = new ArrayList<>(Math.max(0, members.length - 1));
        for (int i = 1; i < members.length; i++) {
            out.add(link(members[0], members[i]));
        }
        return out;
    }

    static long link(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    private static int[] sorted(Iterable<Integer> numbers) {
        return StreamSupport.stream(numbers.spliterator(), false).mapToInt(Integer::intValue).sorted().toArray();
    }

    private static long[] sortedLongs(Iterable<Long> keys) {
        return StreamSupport.stream(keys.spliterator(), false).mapToLong(Long::longValue).sorted().toArray();
    }
}
