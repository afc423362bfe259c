package io.redline.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void printsRatesShareOfInputAndTimeLeftOncePerInterval() throws Exception {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Progress progress = new Progress(1000, Duration.ofSeconds(10), new PrintStream(printed, true, StandardCharsets.UTF_8), now::get);
        InputStream in = progress.count(new ByteArrayInputStream(new byte[1000]));

        in.readNBytes(250);
        for (int i = 0; i < 100; i++) {
            progress.done();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();

        now.set(Duration.ofSeconds(10).toNanos());
        progress.done();

        // 101 articles in 10 s, a quarter of the input read at 25 bytes/s: 750 bytes left take 30 s
        assertThat(printed.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("101 articles in 0m10s: 10/s overall, 10/s recently; 25.0 % of the input; ETA 0m30s");
    }
}
