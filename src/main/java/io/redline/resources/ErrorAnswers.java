package io.redline.resources;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses a resource method answers itself (a missing thing, a refused parameter), beside those every
 * call of its kind can get (see {@link DescribedReader}): written next to the code that throws them, so that the
 * OpenAPI description lists them. E.g. {@code @ErrorAnswers({404})} on {@code GET /articles/{id}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ErrorAnswers {
    int[] value();
}
