package dev.packinspector.restore;

import java.util.concurrent.atomic.AtomicLong;

/** Workers count here; the coordinating thread samples it. Thread-safe and cheap to update. */
final class ProgressCounter {
    private final long filesTotal;
    private final long bytesTotal;
    private final long start = System.nanoTime();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile String current = "";

    ProgressCounter(long filesTotal, long bytesTotal) {
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
    }

    void started(String item) {
        current = item;
    }

    void done(long itemBytes) {
        bytes.addAndGet(itemBytes);
        files.incrementAndGet();
    }

    Progress snapshot() {
        return new Progress(files.get(), filesTotal, bytes.get(), bytesTotal, current, System.nanoTime() - start);
    }
}
