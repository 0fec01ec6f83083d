package org.mopr.ledger.api.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ensembles of the historical scenario started through the API of the shared {@link WebApp}, once per member count
 * for the whole JVM (the web tests share one application), awaited until COMPLETE.
 */
public final class TestEnsembles {

    private static final Map<Integer, String> STARTED = new HashMap<>();

    private TestEnsembles() {
    }

    public static synchronized String historical(int members) {
        return STARTED.computeIfAbsent(members, n -> {
            WebApp.get();
            Http.Answer started = Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":" + n
                    + ",\"vary\":\"seed,placement\"}", WebApp.TOKEN);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = started.json().path("ensembleId").asText();
            assertThat(started.raw().headers().firstValue("Location")).contains("/api/ensembles/" + id);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Http.get("/api/ensembles/" + id).json().path("ensemble").path("status").asText().equals("COMPLETE"));
            return id;
        });
    }
}
