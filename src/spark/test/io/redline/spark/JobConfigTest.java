package io.redline.spark;

import io.redline.RedlineConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the job reads the service's configuration file. Under {@code spark-submit} SLF4J binds to Spark's Log4j,
 * and building Dropwizard's logging factory then fails after a ten-second wait for Logback: the job must never
 * read the {@code logging} section (a test JVM has Logback, so here a section no factory can read stands in).
 */
class JobConfigTest {

    @Test
    void readsTheServiceConfigurationWithoutItsLoggingSection() throws IOException {
        String yaml = Files.readString(Path.of("config.yml"))
                .replaceFirst("url: jdbc:h2:\\S+", "url: jdbc:postgresql://127.0.0.1:5432/archive");
        String unreadable = yaml.replace("logging:\n", "logging:\n  appenders: [{type: no-such-appender}]\n");
        assertThat(unreadable).isNotEqualTo(yaml);

        RedlineConfiguration settings = new JobConfig("config.yml", unreadable).parse();

        assertThat(settings.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/archive");
    }

    @Test
    void otherSectionsAreStillValidated() throws IOException {
        String yaml = Files.readString(Path.of("config.yml")).replace("signatureLength: 128", "signatureLength: 2");

        assertThatThrownBy(() -> new JobConfig("bad.yml", yaml).parse())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration bad.yml is not valid")
                .hasMessageContaining("detection.signatureLength");
    }
}
