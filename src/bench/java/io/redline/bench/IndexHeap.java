package io.redline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.index.LshIndex;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Heap of the band index for a generated corpus, measured from outside the index: used heap after full
 * collections with and without it. Not a JMH benchmark; two steps so that the keys are computed once and the
 * classes of two commits can be measured on the same input:
 *
 * <pre>
 * java -cp ... io.redline.bench.IndexHeap keys /tmp/gen1m/corpus.jsonl /tmp/keys1m.bin        # band keys, one record per article
 * java -Xmx6g -cp ... io.redline.bench.IndexHeap measure /tmp/keys1m.bin 2000 [bits]         # index all but the last 2,000
 * </pre>
 *
 * {@code measure} prints keys and distinct keys per article, {@link LshIndex#bytes()}, the used-heap difference,
 * the build time, and for the last 2,000 articles as queries the candidates found and a CRC of every
 * {@link LshIndex.Hits} (equal CRCs: the same entries and shared-key counts). With {@code bits} below 44, every
 * key is first cut to that many bits (shard bits kept, low bits of the low half zeroed), to count the extra
 * candidates that narrower stored keys would bring.
 */
public final class IndexHeap {
    private static final int BUCKET_CAP = 1000;
    private static final int WEAK_BUCKET = 1;
    /** {@code -Dbatch=N}: build the index through {@link LshIndex#loading} in batches of N, as start-up does; 0: one by one. */
    private static final int BATCH = Integer.getInteger("batch", 0);

    private IndexHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("keys")) {
            keys(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length >= 3 && args[0].equals("measure")) {
            measure(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 44);
        } else {
            throw new IllegalArgumentException("usage: keys <corpus.jsonl> <out.bin> | measure <keys.bin> <queries> [bits], got "
                    + Arrays.toString(args));
        }
    }

    private static void keys(Path corpus, Path out) throws IOException {
        Fingerprinter fingerprinter = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
        LshBands bands = new LshBands(LshParameters.forThreshold(0.3, 128, LshParameters.DEFAULT_TARGET_PROBABILITY));
        ObjectMapper json = new ObjectMapper();
        long articles = 0;
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
             DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 20))) {
            List<String> chunk = new ArrayList<>();
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line != null && !line.isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == 20_000 || line == null && !chunk.isEmpty()) {
                    long[][] keys = chunk.parallelStream()
                            .map(l -> {
                                try {
                                    return bands.allKeys(fingerprinter.fingerprint(json.readTree(l).get("body").asText()));
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .toArray(long[][]::new);
                    for (long[] k : keys) {
                        data.writeInt(k.length);
                        for (long key : k) {
                            data.writeLong(key);
                        }
                    }
                    articles += chunk.size();
                    chunk.clear();
                    System.err.printf("%,d articles%n", articles);
                }
                if (line == null) {
                    break;
                }
            }
        }
    }

    private static void measure(Path keysFile, int queries, int bits) throws IOException {
        long keep = bits >= 44 ? -1L : ~((1L << (44 - bits)) - 1) | 0xFFFF_FFFF_0000_0000L;
        List<long[]> all = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(keysFile), 1 << 20))) {
            while (true) {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                long[] k = new long[n];
                for (int i = 0; i < n; i++) {
                    k[i] = in.readLong() & keep;
                }
                all.add(k);
            }
        }
        int articles = all.size() - queries;
        long[][] stored = all.subList(0, articles).toArray(long[][]::new);
        long[][] asked = all.subList(articles, all.size()).toArray(long[][]::new);
        all = null;
        long before = usedAfterGc();
        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        LshIndex index = new LshIndex();
        if (BATCH > 0) {
            // as the service loads its log at start-up
            try (LshIndex.Loading loading = index.loading()) {
                for (int from = 0; from < stored.length; from += BATCH) {
                    List<LshIndex.Change> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(stored.length, from + BATCH); i++) {
                        batch.add(new LshIndex.Change(i + 1, 0, stored[i]));
                    }
                    loading.apply(batch);
                }
            }
        } else {
            for (long[] k : stored) {
                index.apply(index.lastEntry() + 1, 0, k);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        long after = usedAfterGc();
        long keyCount = index.size();
        System.out.printf("%,d articles, %d-bit keys: %,d keys (%.1f per article), built in %.1f s (%.1f CPU-s of the"
                        + " building thread, %s)%n", articles, bits, keyCount, (double) keyCount / articles, seconds,
                cpuSeconds, BATCH > 0 ? "loading in batches of " + BATCH : "one by one");
        System.out.printf("bytes(): %,d (%.0f per article, %.2f per key)%n", index.bytes(),
                (double) index.bytes() / articles, (double) index.bytes() / keyCount);
        System.out.printf("used heap after GC with the index minus without: %,d (%.0f per article, %.2f per key)%n",
                after - before, (double) (after - before) / articles, (double) (after - before) / keyCount);
        CRC32 crc = new CRC32();
        long candidates = 0;
        long oversized = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (long[] q : asked) {
                LshIndex.Hits hits = index.find(q, BUCKET_CAP, WEAK_BUCKET);
                if (round == 0) {
                    candidates += hits.entries().length;
                    oversized += hits.oversized();
                    for (int i = 0; i < hits.entries().length; i++) {
                        crc.update(hits.entries()[i]);
                        crc.update(hits.sharedKeys()[i]);
                    }
                    crc.update(hits.oversized());
                }
            }
        }
        double micros = (System.nanoTime() - t0) / 1e3 / (5.0 * asked.length);
        System.out.printf("%,d queries: %,d candidates (%.3f per query), %,d oversized keys, CRC %08x; %.1f µs per look-up (crude mean)%n",
                asked.length, candidates, (double) candidates / asked.length, oversized, crc.getValue(), micros);
        System.out.printf("distinct %d-bit keys per article: %.1f%n", bits, distinct(stored) / (double) articles);
        System.out.println(index.lastEntry() > 0 ? "" : "empty");
    }

    /** Distinct keys as the index compares them: shard (top 12 bits) and low 32 bits. */
    private static double distinct(long[][] stored) {
        long total = 0;
        for (long[] k : stored) {
            total += k.length;
        }
        long[] flat = new long[(int) total];
        int n = 0;
        for (long[] k : stored) {
            for (long key : k) {
                flat[n++] = key & 0xFFF0_0000_FFFF_FFFFL;
            }
        }
        Arrays.parallelSort(flat);
        long distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || flat[i] != flat[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
