package io.redline.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.redline.RedlineConfiguration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * The service's configuration file, carried to the executors as text and read there with Dropwizard's own
 * parser and validation, so that the job fingerprints, verifies and assigns stories with exactly the settings a
 * service started with the same file uses. Immutable and thread-safe.
 *
 * <p>Its {@code logging} section is left out: logging belongs to Spark under {@code spark-submit}. SLF4J is
 * loaded from Spark's own class path there and binds to Spark's Log4j, never to the Logback inside the job jar,
 * and Dropwizard's logging factory, built for that section, waits for a Logback context and fails
 * ("Unable to acquire the logger context").
 */
public record JobConfig(String name, String yaml) implements Serializable {

    public RedlineConfiguration parse() {
        try {
            return new WithoutLogging().build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), name);
        } catch (Exception e) {
            throw new IllegalArgumentException("configuration " + name + " is not valid: " + e.getMessage(), e);
        }
    }

    private static final class WithoutLogging extends YamlConfigurationFactory<RedlineConfiguration> {
        WithoutLogging() {
            super(RedlineConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        }

        @Override
        protected RedlineConfiguration build(JsonNode node, String path) throws IOException, ConfigurationException {
            if (node instanceof ObjectNode root) {
                root.remove("logging");
            }
            return super.build(node, path);
        }
    }
}
