package io.redline.resources;

import io.redline.api.ErrorBody;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * swagger-core's reader, then one pass that adds what annotations alone would repeat on every method: the error
 * answers of each operation, with the {@code ErrorBody} schema and an example each. Every call but the page can
 * get 401 and 403 (API keys, or a write from another site) and 503 (the database is unavailable, or the work ran
 * past {@code limits.requestTime}); a call with a JSON body also 400 (unreadable JSON, a value of the wrong type),
 * 413 (a limit), 415 (another content type) and 422 (a missing or invalid field); bulk 413 and 415 (its lines'
 * errors are inside the answer); and each method adds its own with {@link ErrorAnswers}. A generated
 * {@code default} answer becomes {@code 200}, since the errors are listed. Built once, when the description is
 * first asked for.
 */
public class DescribedReader extends Reader {
    static final String ERROR_SCHEMA = "ErrorBody";

    /** What each status means here, and an example of its body. */
    static final Map<Integer, ErrorBody> EXAMPLES = examples();

    private static Map<Integer, ErrorBody> examples() {
        Map<Integer, ErrorBody> m = new LinkedHashMap<>();
        m.put(400, new ErrorBody(400, "invalid value for field 'body': Cannot coerce Integer value (123) to `java.lang.String` value",
                "body", 1, 38));
        m.put(401, ErrorBody.of(401, "an API key is required: send it in the X-Api-Key header"));
        m.put(403, ErrorBody.of(403, "the key 'newsroom' has the read role; this call needs write"));
        m.put(404, ErrorBody.of(404, "no article with id 'flood-9'"));
        m.put(413, new ErrorBody(413, "body has more than 5000 paragraphs (limits.paragraphs)", "body", null, null));
        m.put(415, ErrorBody.of(415, "HTTP 415 Unsupported Media Type"));
        m.put(422, new ErrorBody(422, "body is required and must not be empty", "body", null, null));
        m.put(503, ErrorBody.of(503, "the database is unavailable: connection refused"));
        return Map.copyOf(m);
    }

    private static final Map<Integer, String> MEANING = Map.of(
            400, "malformed: unreadable JSON (with line and column), a value of the wrong type (naming the field), or a malformed parameter",
            401, "no API key, or one that is not valid (where keys are configured)",
            403, "a key of too low a role, or a write from a page of another site",
            404, "no such article, story, version or subscription",
            413, "over a limit (limits.*), named in the message",
            415, "a body that is not of the content type the call accepts",
            422, "a field missing or invalid, named in field",
            503, "the database is unavailable (with Retry-After), or the work ran past limits.requestTime; nothing was stored");

    @Override
    public OpenAPI read(Set<Class<?>> classes, Map<String, Object> resources) {
        OpenAPI api = super.read(classes, resources);
        describeErrors(api, classes);
        return api;
    }

    static void describeErrors(OpenAPI api, Set<Class<?>> classes) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        ModelConverters.getInstance().read(ErrorBody.class).forEach(api.getComponents()::addSchemas);
        for (Class<?> resource : classes.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            for (Method method : resource.getDeclaredMethods()) {
                PathItem.HttpMethod verb = verb(method);
                if (verb == null) {
                    continue;
                }
                PathItem item = api.getPaths() == null ? null : api.getPaths().get(path(resource, method));
                Operation operation = item == null ? null : item.readOperationsMap().get(verb);
                if (operation != null) {
                    describe(operation, errors(resource, method, verb));
                }
            }
        }
    }

    /** The error statuses of one resource method. */
    static Set<Integer> errors(Class<?> resource, Method method, PathItem.HttpMethod verb) {
        Set<Integer> codes = new TreeSet<>();
        if (resource == PageResource.class) {
            return codes;
        }
        codes.addAll(Set.of(401, 403, 503));
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        if (verb == PathItem.HttpMethod.POST && consumes != null) {
            codes.addAll(Set.of(413, 415));
            if (resource != BulkResource.class) {
                codes.addAll(Set.of(400, 422));
            }
        }
        if (method.isAnnotationPresent(ErrorAnswers.class)) {
            for (int code : method.getAnnotation(ErrorAnswers.class).value()) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static void describe(Operation operation, Set<Integer> errors) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse generated = responses.getDefault();
        if (generated != null && responses.keySet().stream().noneMatch(k -> k.startsWith("2"))) {
            responses.remove("default");
            responses.addApiResponse("200", generated.description("OK"));
        }
        for (int code : errors) {
            if (!MEANING.containsKey(code)) {
                throw new IllegalStateException("no description of the error status " + code);
            }
            Example example = new Example().value(EXAMPLES.get(code));
            responses.addApiResponse(Integer.toString(code), new ApiResponse().description(MEANING.get(code))
                    .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
                            .addExamples("error", example))));
        }
        operation.setResponses(responses);
    }

    static PathItem.HttpMethod verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? PathItem.HttpMethod.GET
                : method.isAnnotationPresent(POST.class) ? PathItem.HttpMethod.POST
                : method.isAnnotationPresent(DELETE.class) ? PathItem.HttpMethod.DELETE : null;
    }

    /** The operation's path as swagger-core writes it: "/stories/{id}/feed", "/favicon.ico". */
    static String path(Class<?> resource, Method method) {
        String base = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
