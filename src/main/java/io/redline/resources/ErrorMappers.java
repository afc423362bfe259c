package io.redline.resources;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.redline.api.ErrorBodies;
import io.redline.api.ErrorBody;
import io.redline.api.JsonErrors;
import io.redline.budget.Deadline;
import io.redline.ingest.BodyTooLarge;
import io.redline.ingest.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns bad input into a JSON error that says what was wrong and where. The Jackson mappers are declared
 * for subclasses of JsonProcessingException so that they take precedence over Dropwizard's generic one.
 */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    public static Object[] all() {
        return new Object[]{new InvalidInput(), new TimedOut(), new TooLargeBody(), new MalformedJson(),
                new UnmappableJson(), new TooLargeJson()};
    }

    static Response json(ErrorBody body) {
        return Response.status(body.code()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return json(ErrorBodies.of(e));
        }
    }

    static final class TimedOut implements ExceptionMapper<Deadline.WorkTimedOut> {
        @Override
        public Response toResponse(Deadline.WorkTimedOut e) {
            return json(ErrorBodies.of(e));
        }
    }

    static final class TooLargeBody implements ExceptionMapper<BodyTooLarge> {
        @Override
        public Response toResponse(BodyTooLarge e) {
            return json(ErrorBodies.of(e));
        }
    }

    static final class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return json(JsonErrors.describe(e));
        }
    }

    static final class UnmappableJson implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return json(JsonErrors.describe(e));
        }
    }

    static final class TooLargeJson implements ExceptionMapper<StreamConstraintsException> {
        @Override
        public Response toResponse(StreamConstraintsException e) {
            return json(JsonErrors.describe(e));
        }
    }
}
