package io.initguard.core.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body whose every read gives up after the request timeout: the HTTP client's own timeout ends when the
 * headers arrive, and a registry (or a proxy) that stops sending mid-blob must not hang the linter. A read that
 * waits too long is interrupted and fails with an {@link HttpTimeoutException}.
 */
final class TimedInputStream extends ReadThroughInputStream {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "initguard-registry-read-timeout");
        t.setDaemon(true);
        return t;
    });

    private final long timeoutMillis;
    private final String what;
    private volatile boolean timedOut;

    TimedInputStream(InputStream in, Duration timeout, String what) {
        super(in);
        this.timeoutMillis = timeout.toMillis();
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Thread reader = Thread.currentThread();
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            timedOut = true;
            reader.interrupt();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            if (timedOut) {
                throw new HttpTimeoutException(what + ": no data for " + timeoutMillis / 1000.0 + " s");
            }
            throw e;
        } finally {
            alarm.cancel(false);
            if (timedOut) Thread.interrupted(); // our interrupt, not the caller's
        }
    }

}
