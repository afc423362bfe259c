package io.redline.resources;

import io.redline.api.ErrorBody;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/** The one way a resource says that something does not exist: a 404 whose JSON names it. */
final class NotFound {
    private NotFound() {
    }

    static <T> T unless(Optional<T> value, String what, Object id) {
        return value.orElseThrow(() -> of(what, id));
    }

    static NotFoundException of(String what, Object id) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(404, "no " + what + " with id '" + id + "'")).build());
    }
}
