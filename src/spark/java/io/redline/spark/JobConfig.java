package io.redline.spark;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.redline.RedlineConfiguration;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * The service's configuration file, carried to the executors as text and read there with Dropwizard's own
 * parser and validation, so that the job fingerprints, verifies and assigns stories with exactly the settings a
 * service started with the same file uses. Immutable and thread-safe.
 */
public record JobConfig(String name, String yaml) implements Serializable {

    public RedlineConfiguration parse() {
        try {
            return new YamlConfigurationFactory<>(RedlineConfiguration.class, Validators.newValidator(),
                    Jackson.newObjectMapper(), "dw")
                    .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), name);
        } catch (Exception e) {
            throw new IllegalArgumentException("configuration " + name + " is not valid: " + e.getMessage(), e);
        }
    }
}
