package org.mopr.ledger.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap in use, sampled every 20 ms on a daemon thread. Sampling misses a peak shorter than that,
 * but a streaming benchmark's heap grows with its batches, which live far longer.
 */
final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    HeapWatch() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) {
            peak = used;
        }
    }

    /** The peak since the last call, which starts a new period (one per phase). */
    synchronized long takePeak() {
        sample();
        long p = peak;
        peak = 0;
        return p;
    }

    static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
