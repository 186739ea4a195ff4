package dev.packinspector.restore;

/**
 * A moment of a long run: items and bytes done out of the totals, the item last started, and the
 * time since the start. {@code filesTotal} and {@code bytesTotal} are -1 while unknown.
 */
public record Progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal, String current, long elapsedNanos) {

    /** Bytes per second so far. */
    public double bytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytesDone * 1e9 / elapsedNanos;
    }

    /** Fraction done by bytes (by items when there are no bytes), 0..1, or -1 if unknown. */
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return filesTotal > 0 ? Math.min(1.0, (double) filesDone / filesTotal) : (filesTotal == 0 ? 1.0 : -1);
    }

    /** Estimated nanoseconds left, or -1 if unknown. */
    public long remainingNanos() {
        double f = fraction();
        return f <= 0 || f >= 1 ? (f >= 1 ? 0 : -1) : (long) (elapsedNanos * (1 - f) / f);
    }
}
