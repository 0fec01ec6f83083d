package org.mopr.ledger.api.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.MoprLedger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code serve} on its embedded PostgreSQL, stopped as a service manager stops it (SIGTERM): the web server and the
 * projection processor stop while the database still answers, and the database stops last, so the shutdown logs no
 * connection warning and no phase runs into its timeout. The server runs in a process of its own, as a user runs
 * it: only a JVM's own shutdown shows the order of its shutdown hooks.
 */
class OrderedShutdownTest {

    @Test
    void sigtermStopsTheServerAndTheProcessorBeforeTheEmbeddedDatabaseWithoutAWarning(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");   // PostgreSQL's own directory in the data folder
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                // The test class path carries a logback-test.xml that shows warnings only; the shutdown's steps are INFO.
                "-Dlogging.level.org.mopr.ledger=INFO", "-Dlogging.level.org.springframework.boot.web=INFO",
                "-cp", System.getProperty("java.class.path"), MoprLedger.class.getName(),
                // --verbose: by default the log goes only to the data folder's mopr-ledger.log.
                "serve", "--verbose", "--port", "0", "--data-dir", dir.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> read(serve, output), "serve-output");
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lines(output).stream().anyMatch(l -> l.startsWith("serving on http://localhost:")));
            // SIGTERM through the handle: Process.destroy() would also close the pipe the shutdown is logged to.
            serve.toHandle().destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            reader.join(10_000);
        } finally {
            if (serve.isAlive()) {
                serve.destroyForcibly();
            }
        }

        List<String> all = lines(output);
        List<String> shutdown = all.subList(all.indexOf(all.stream().filter(l -> l.startsWith("serving on")).findFirst()
                .orElseThrow()) + 1, all.size());
        assertThat(shutdown).as(String.join("\n", shutdown))
                .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Timed out"));
        int webServer = indexOf(shutdown, "Graceful shutdown complete");
        int database = indexOf(shutdown, "embedded PostgreSQL stopped");
        assertThat(webServer).as(String.join("\n", shutdown)).isNotNegative().isLessThan(database);
        assertThat(shutdown.get(shutdown.size() - 1)).as("the database goes last").contains("embedded PostgreSQL stopped");
        assertThat(data.resolve("postmaster.pid")).as("the database's server process is gone").doesNotExist();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static void read(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
