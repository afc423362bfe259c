package io.redline.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.redline.api.ArticleRequest;
import io.redline.api.ErrorBody;
import io.redline.api.JsonErrors;
import io.redline.api.StrictJson;
import io.redline.ingest.InputLimits;
import io.redline.ingest.InvalidInputException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads an archive into {@link Parsed} lines: NDJSON exactly as the bulk endpoint takes it (the same JSON
 * mapping and the same checks, so a line it would refuse is refused here with the same message), or Parquet
 * with the same fields ({@code id}, {@code title}, {@code body}, {@code publishedAt} as a timestamp, ISO-8601
 * text or epoch milliseconds, {@code url}, {@code source}).
 */
final class ArchiveReader {
    enum Format { NDJSON, PARQUET }

    /** One input record: the article, or why it was refused (1-based line or row number). */
    record Parsed(ArchiveArticle article, long line, String error) implements Serializable {
    }

    private ArchiveReader() {
    }

    static JavaRDD<Parsed> read(SparkSession spark, String path, Format format, JobConfig config) {
        return format == Format.NDJSON ? ndjson(spark, path, config) : parquet(spark, path, config);
    }

    private static JavaRDD<Parsed> ndjson(SparkSession spark, String path, JobConfig config) {
        return spark.read().textFile(path).javaRDD().zipWithIndex().mapPartitions(lines -> {
            ObjectMapper mapper = StrictJson.configure(Jackson.newObjectMapper());
            InputLimits limits = config.parse().buildInputLimits();
            return map(lines, line -> {
                long number = line._2() + 1;
                try {
                    return checked(number, mapper.readValue(line._1(), ArticleRequest.class), limits);
                } catch (JsonProcessingException e) {
                    ErrorBody error = JsonErrors.describe(e);
                    return new Parsed(null, number, error.message()
                            + (error.field() == null ? "" : " (field " + error.field() + ")"));
                }
            });
        });
    }

    private static JavaRDD<Parsed> parquet(SparkSession spark, String path, JobConfig config) {
        Dataset<Row> rows = spark.read().parquet(path);
        boolean published = List.of(rows.columns()).contains("publishedAt");
        Dataset<Row> fields = rows.selectExpr("id", "title", "body",
                published ? "publishedAt" : "CAST(NULL AS STRING) AS publishedAt",
                column(rows, "url"), column(rows, "source"));
        boolean timestamp = published && (rows.schema().apply("publishedAt").dataType() == DataTypes.TimestampType);
        return fields.javaRDD().zipWithIndex().mapPartitions(records -> {
            InputLimits limits = config.parse().buildInputLimits();
            return map(records, record -> {
                Row r = record._1();
                long number = record._2() + 1;
                try {
                    Instant at = r.isNullAt(3) ? null : timestamp ? ((Timestamp) r.get(3)).toInstant() : instant(r.get(3));
                    return checked(number, new ArticleRequest(r.getString(0), r.getString(1), r.getString(2), at,
                            r.getString(4), r.getString(5)), limits);
                } catch (DateTimeParseException | ClassCastException e) {
                    return new Parsed(null, number, "publishedAt must be a timestamp, ISO-8601 text or epoch "
                            + "milliseconds: " + e.getMessage());
                }
            });
        });
    }

    private static String column(Dataset<Row> rows, String name) {
        return List.of(rows.columns()).contains(name) ? name : "CAST(NULL AS STRING) AS " + name;
    }

    private static Instant instant(Object value) {
        return value instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.parse(value.toString());
    }

    private static Parsed checked(long number, ArticleRequest request, InputLimits limits) {
        try {
            limits.checkArticle(request);
            return new Parsed(ArchiveArticle.of(number, request), number, null);
        } catch (InvalidInputException e) {
            return new Parsed(null, number, e.getMessage());
        }
    }

    private interface LineMapper<T> {
        Parsed apply(T t) throws Exception;
    }

    /** Maps lazily, so a partition is never held whole. */
    private static <T> Iterator<Parsed> map(Iterator<T> in, LineMapper<T> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public Parsed next() {
                try {
                    return f.apply(in.next());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
