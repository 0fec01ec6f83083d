package org.mopr.ledger.api.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The web application on a random port with a historical run projected, started once and shared by every test class
 * of the API, the metrics and the browser (a start and a run cost about half a minute; the whole build must stay
 * fast). Everything the app prints is also kept here, so a test can prove the write token never reached a log.
 */
public final class WebApp {

    /** Long and random, so finding it in the output cannot be a coincidence. */
    public static final String TOKEN = "test-token-" + UUID.randomUUID();

    private static WebApp instance;

    public final ConfigurableApplicationContext context;
    public final String baseUrl;
    public final RunSummary historical;
    public final JdbcTemplate jdbc;
    private RunSummary second;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    private WebApp() {
        // Kept from before the start, so start-up logging is searched too.
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
        String db = TestPostgres.sharedDatabase("web");
        context = new SpringApplicationBuilder(LedgerApplication.class).run("--spring.datasource.url=" + db,
                "--server.port=0", "--mopr.api.token=" + TOKEN, "--mopr.api.run-wait=PT120S");
        baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        jdbc = context.getBean(JdbcTemplate.class);
        historical = context.getBean(RunService.class).run("historical", null, quiet());
        awaitProjected(historical);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    public static synchronized WebApp get() {
        if (instance == null) {
            instance = new WebApp();
        }
        return instance;
    }

    public String run() {
        return historical.runId().value();
    }

    /** A second run (half the Soviet dues), for comparisons; made once. */
    public synchronized RunSummary halfDues() {
        if (second == null) {
            second = context.getBean(RunService.class).run("half-dues", null, quiet());
            awaitProjected(second);
        }
        return second;
    }

    public void awaitProjected(RunSummary run) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run.runId().value()) == run.events());
    }

    public CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    /** Everything written to stdout and stderr since the app was started. */
    public static String output() {
        synchronized (OUTPUT) {
            return OUTPUT.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (OUTPUT) {
                    OUTPUT.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (OUTPUT) {
                    OUTPUT.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
