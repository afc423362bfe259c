package io.redline.spark;

import java.io.Serializable;

/**
 * The order the archive is ingested in: by publication time, articles without one after all others, ties in
 * input order.
 */
record TimeOrder(long publishedAt, long line) implements Comparable<TimeOrder>, Serializable {

    static TimeOrder of(ArchiveArticle a) {
        return new TimeOrder(a.publishedAt() == null ? Long.MAX_VALUE : a.publishedAt(), a.line());
    }

    @Override
    public int compareTo(TimeOrder o) {
        int c = Long.compare(publishedAt, o.publishedAt);
        return c != 0 ? c : Long.compare(line, o.line);
    }
}
