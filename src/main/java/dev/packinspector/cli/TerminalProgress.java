package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.restore.Finding;
import dev.packinspector.restore.Progress;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestoreProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress display on standard error, drawn only when standard error is a terminal,
 * plus problems printed as they are found.
 */
final class TerminalProgress implements RestoreListener {
    private final PrintStream err;
    private final String verb;
    private final boolean draw;
    private int lastWidth;

    TerminalProgress(PrintStream err, String verb, boolean draw) {
        this.err = err;
        this.verb = verb;
        this.draw = draw;
    }

    /** True if the process's standard error is a terminal (so redirected output gets no carriage returns). */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // not Linux: fall back to the console check
        }
        return System.console() != null && System.console().isTerminal();
    }

    @Override
    public synchronized void progress(Progress p) {
        if (!draw) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s %,d/%,d  %s/%s  %s/s  ETA %s", verb, p.filesDone(), p.filesTotal(),
                bytes(p.bytesDone()), bytes(p.bytesTotal()), bytes((long) p.bytesPerSecond()), eta(p.remainingNanos()));
        err.print('\r' + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        err.flush();
    }

    /** Ends the progress line so what follows starts on a fresh one. */
    synchronized void finish() {
        if (draw && lastWidth > 0) {
            err.print('\r' + " ".repeat(lastWidth) + '\r');
            err.flush();
            lastWidth = 0;
        }
    }

    @Override
    public synchronized void problem(RestoreProblem problem) {
        finish();
        err.println("pack-inspector: " + PathText.quote(problem.path()) + ": " + PathText.oneLine(problem.message()));
    }

    @Override
    public synchronized void finding(Finding finding) {
        // verify prints its findings grouped by cause on stdout once it is done
    }

    static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String eta(long nanos) {
        if (nanos < 0) {
            return "?";
        }
        long s = nanos / 1_000_000_000L;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
