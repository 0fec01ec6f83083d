package org.mopr.ledger.api.kafka;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A projection worker's settings, checked at start-up.
 *
 * @param group       the consumer group; workers of one group share the partitions and write one database
 * @param topic       the event topic
 * @param pollTimeout how long one poll waits for records (also how quickly a stop is noticed)
 * @param maxBackoff  the longest wait between retries of a failed batch (waits double from 100 ms up to it)
 */
public record WorkerSettings(String group, String topic, Duration pollTimeout, Duration maxBackoff) {

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    public WorkerSettings {
        if (group == null || !GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("--group must be 1 to 255 letters, digits, '.', '_' or '-', got '" + group + "'");
        }
        new TopicSettings(topic, 1, (short) 1, 1);   // the same rules for the topic's name
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero() || pollTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException("mopr.kafka.worker.poll-timeout must be positive and at most a minute, got "
                    + pollTimeout);
        }
        if (maxBackoff == null || maxBackoff.toMillis() < 100) {
            throw new IllegalArgumentException("mopr.kafka.worker.max-backoff must be at least 100 ms, got " + maxBackoff);
        }
    }
}
