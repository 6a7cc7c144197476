package io.timeledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's peak resident memory while it is open: /proc/PID/status's VmRSS every 100 ms, the
 * largest kept in {@code peakKb}. Closing stops it (a cancelled CompletableFuture would not: its
 * cancel does not interrupt the thread, and the sampling went on into whatever ran next).
 */
final class RssSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean open = true;

    RssSampler(Process server, AtomicLong peakKb) {
        var status = Path.of("/proc/" + server.pid() + "/status");
        thread = new Thread(() -> {
            while (open) {
                try {
                    for (var line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            peakKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        thread.join();
    }
}
