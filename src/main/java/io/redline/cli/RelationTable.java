package io.redline.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the ingest made of each document, against what the truth says the document is: a table of truth kinds
 * (rows) against relations (columns), and for kinds that name a reference document (a revision's parent, the
 * story a template or next edition reuses) what the ingest made of that one document.
 *
 * <p>Relations are plain strings — the classifications the service gives, {@code "NEW"} when nothing matched —
 * so that a classification added to the service needs no change here. Columns are those that occur, in the
 * order of {@link #RELATION_ORDER} and the others after it alphabetically; rows likewise follow
 * {@link #KIND_ORDER}. Every row holds every column, zeros included.
 *
 * <p>Example: outcomes {@code (original, NEW)}, {@code (revision, REVISION, parent → REVISION)},
 * {@code (recurring, REVISION, source → TEMPLATE)}, {@code (recurring, TEMPLATE, source → not matched)} give
 * columns {@code [REVISION, TEMPLATE, NEW]}, rows {@code original {0, 0, 1}}, {@code revision {1, 0, 0}},
 * {@code recurring {1, 1, 0}}, and the lines {@code revision → its parent: REVISION 1, not matched 0} and
 * {@code recurring → its source: TEMPLATE 1, not matched 1}.
 *
 * @param columns     the relations that occur among the documents' best matches, in column order
 * @param byKind      per truth kind, in row order: how many of its documents got each relation
 * @param toReference per truth kind and reference field: what the ingest made of the reference document
 */
public record RelationTable(List<String> columns, Map<String, Map<String, Integer>> byKind,
                            List<ReferenceLine> toReference) {
    /** The service's classifications, in the order the columns take when they occur. */
    public static final List<String> RELATION_ORDER = List.of("DUPLICATE", "REVISION", "EXCERPT", "TEMPLATE", "NEW");
    /** The kinds {@code gen_corpus.py} writes, in the order the rows take when they occur. */
    public static final List<String> KIND_ORDER = List.of("original", "revision", "template", "recurring");
    /** The relation of a reference document that was stored but is not among the matches. */
    public static final String NOT_MATCHED = "not matched";

    public RelationTable {
        columns = List.copyOf(columns);
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        byKind.forEach((kind, row) -> rows.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        byKind = Collections.unmodifiableMap(rows);
        toReference = List.copyOf(toReference);
    }

    /**
     * What the ingest made of one document.
     *
     * @param kind              its truth kind, never null
     * @param relation          the classification of its best match, or {@code "NEW"} when it had none; never null
     * @param reference         the truth field naming its reference document ({@code "parent"}, {@code "source"}),
     *                          or null when it has none or that document was not stored before it
     * @param referenceRelation the classification given to the reference document among the matches, or
     *                          {@link #NOT_MATCHED}; null exactly when {@code reference} is
     */
    public record Outcome(String kind, String relation, String reference, String referenceRelation) {
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(relation, "relation");
            if ((reference == null) != (referenceRelation == null)) {
                throw new IllegalArgumentException("a reference needs its relation and a relation its reference, got "
                        + reference + " and " + referenceRelation);
            }
        }
    }

    /**
     * What the ingest made of the reference documents of one kind: how many were matched with each relation (the
     * relations that occur, in column order) and how many were stored but not among the matches.
     */
    public record ReferenceLine(String kind, String reference, Map<String, Integer> relations, int notMatched) {
        public ReferenceLine {
            relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
        }
    }

    /** The table of {@code outcomes}, in any order; empty outcomes give an empty table. */
    public static RelationTable of(List<Outcome> outcomes) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>(order(KIND_ORDER));
        Map<String, Map<String, Map<String, Integer>>> references = new TreeMap<>(order(KIND_ORDER));
        TreeSet<String> seen = new TreeSet<>(order(RELATION_ORDER));
        for (Outcome o : outcomes) {
            seen.add(o.relation());
            counts.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(o.relation(), 1, Integer::sum);
            if (o.reference() != null) {
                // a kind's references could come from two fields: a line each
                references.computeIfAbsent(o.kind(), k -> new TreeMap<>())
                        .computeIfAbsent(o.reference(), r -> new TreeMap<>())
                        .merge(o.referenceRelation(), 1, Integer::sum);
            }
        }
        List<String> columns = List.copyOf(seen);
        Map<String, Map<String, Integer>> byKind = new LinkedHashMap<>();
        counts.forEach((kind, row) -> {
            Map<String, Integer> full = new LinkedHashMap<>();
            columns.forEach(c -> full.put(c, row.getOrDefault(c, 0)));
            byKind.put(kind, full);
        });
        List<ReferenceLine> lines = new ArrayList<>();
        references.forEach((kind, fields) -> fields.forEach((field, row) -> {
            Map<String, Integer> relations = new LinkedHashMap<>();
            row.keySet().stream().filter(r -> !r.equals(NOT_MATCHED)).sorted(order(RELATION_ORDER))
                    .forEach(r -> relations.put(r, row.get(r)));
            lines.add(new ReferenceLine(kind, field, relations, row.getOrDefault(NOT_MATCHED, 0)));
        }));
        return new RelationTable(columns, byKind, lines);
    }

    /**
     * The table as text, one line per row and one per reference line, e.g.
     * <pre>
     * kind       REVISION  TEMPLATE  NEW
     * original          0         0    1
     * revision -&gt; its parent: REVISION 1, not matched 0
     * </pre>
     */
    List<String> lines() {
        int kindWidth = "kind".length();
        for (String kind : byKind.keySet()) {
            kindWidth = Math.max(kindWidth, kind.length());
        }
        List<Integer> widths = new ArrayList<>();
        for (String c : columns) {
            int width = c.length();
            for (Map<String, Integer> row : byKind.values()) {
                width = Math.max(width, Integer.toString(row.get(c)).length());
            }
            widths.add(width);
        }
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad("kind", kindWidth));
        for (int i = 0; i < columns.size(); i++) {
            header.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(i) + "s", columns.get(i)));
        }
        out.add(header.toString());
        for (Map.Entry<String, Map<String, Integer>> row : byKind.entrySet()) {
            StringBuilder line = new StringBuilder(pad(row.getKey(), kindWidth));
            for (int i = 0; i < columns.size(); i++) {
                line.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(i) + "d",
                        row.getValue().get(columns.get(i))));
            }
            out.add(line.toString());
        }
        for (ReferenceLine r : toReference) {
            StringBuilder line = new StringBuilder(r.kind() + " -> its " + r.reference() + ": ");
            r.relations().forEach((relation, n) -> line.append(relation).append(' ').append(n).append(", "));
            out.add(line.append(NOT_MATCHED).append(' ').append(r.notMatched()).toString());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }

    /** Names in {@code known} first, in that order; any others after, alphabetically. */
    private static Comparator<String> order(List<String> known) {
        return Comparator.<String>comparingInt(s -> known.indexOf(s) < 0 ? known.size() : known.indexOf(s))
                .thenComparing(Comparator.naturalOrder());
    }
}
