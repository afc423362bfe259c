package io.redline.security;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.setup.ServletEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * Puts the security filters in front of both ports, in this order: headers (so every answer has them),
 * the cross-origin check, then the API key check.
 */
public final class SecurityFilters {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilters.class);

    private SecurityFilters() {
    }

    public static void install(Environment environment, ApiKeys keys) {
        Refusal refusal = new Refusal(environment.getObjectMapper());
        add(environment.servlets(), "security-headers", new SecurityHeadersFilter(true));
        add(environment.servlets(), "origin-check", new OriginFilter(refusal));
        add(environment.servlets(), "api-keys", new AccessFilter(keys, AccessPolicy.APPLICATION, refusal));
        add(environment.admin(), "security-headers", new SecurityHeadersFilter(false));
        add(environment.admin(), "origin-check", new OriginFilter(refusal));
        add(environment.admin(), "api-keys", new AccessFilter(keys, AccessPolicy.ADMIN, refusal));
        if (keys.isEmpty()) {
            LOG.info("No API keys configured: answering requests addressed to localhost only");
        } else {
            LOG.info("API keys required; configured keys: {}", keys.describe());
        }
    }

    private static void add(ServletEnvironment context, String name, Filter filter) {
        context.addFilter(name, filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
