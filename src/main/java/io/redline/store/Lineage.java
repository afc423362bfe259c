package io.redline.store;

import java.util.Set;

/**
 * The version a stored version derives from, and how. {@link #UPDATE}: its own article's previous version;
 * {@link #DUPLICATE}, {@link #REVISION}, {@link #EXCERPT}: it joined another article's story by that relation;
 * {@link #TEMPLATE}: a new story whose text reuses another story's version, so the parent lies in another story.
 * {@link #NONE} (all null): nothing recorded, as for a story's first version or rows stored before lineage was.
 *
 * <p>Example: {@code new Lineage("wire-1", 2, "REVISION")}: a rewrite of version 2 of article wire-1.
 */
public record Lineage(String parentArticle, Integer parentVersion, String relation) {
    public static final String UPDATE = "UPDATE";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REVISION = "REVISION";
    public static final String EXCERPT = "EXCERPT";
    public static final String TEMPLATE = "TEMPLATE";
    public static final Set<String> RELATIONS = Set.of(UPDATE, DUPLICATE, REVISION, EXCERPT, TEMPLATE);

    public static final Lineage NONE = new Lineage(null, null, null);

    public Lineage {
        boolean none = parentArticle == null && parentVersion == null && relation == null;
        if (!none && (parentArticle == null || parentVersion == null || relation == null)) {
            throw new IllegalArgumentException("a lineage names the parent article, version and relation, or none of "
                    + "them; got " + parentArticle + ", " + parentVersion + ", " + relation);
        }
        if (!none && !RELATIONS.contains(relation)) {
            throw new IllegalArgumentException("relation must be one of " + RELATIONS + ", got '" + relation + "'");
        }
        if (!none && parentVersion < 1) {
            throw new IllegalArgumentException("parentVersion must be at least 1, got " + parentVersion);
        }
    }

    /** The next version of {@code previous}'s article derives from it. */
    public static Lineage updateOf(VersionHead previous) {
        return new Lineage(previous.articleId(), previous.version(), UPDATE);
    }

    public boolean isNone() {
        return relation == null;
    }
}
