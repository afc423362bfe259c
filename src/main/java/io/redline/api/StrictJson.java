package io.redline.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Makes the API's JSON strict: a value of the wrong type is an error naming the field, never coerced
 * ({@code "body": 123} is not the text "123", {@code "publishedAt": 1e300} is not a date), a key given twice
 * is an error, and so is anything after the top-level value.
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (CoercionInputShape shape : new CoercionInputShape[]{
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-instant").addDeserializer(Instant.class, new IsoInstant()));
        return mapper;
    }

    /** Instants only as ISO-8601 strings with an offset, e.g. {@code "2024-03-01T10:00:00Z"}. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                        "expected a date and time as an ISO-8601 string such as \"2024-03-01T10:00:00Z\"");
            }
            String text = p.getText().strip();
            try {
                // Instant.parse takes years beyond OffsetDateTime's, so that a far date is out of range (422), not unreadable
                return text.endsWith("Z") ? Instant.parse(text)
                        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected a date and time with an offset, such as \"2024-03-01T10:00:00Z\"");
            }
        }
    }
}
