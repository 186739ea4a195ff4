package dev.packinspector.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What went wrong without the window saying so, while the self-test runs: exceptions no one caught
 * (on any thread) and the warnings and errors logged to the standard error stream (JavaFX logs CSS
 * and layout trouble there, the runtime image having no logging module). The stream is still
 * written through; its lines are only read.
 */
final class Logged {
    /** A line that reports trouble: JavaFX's and the JDK's loggers' levels, or a stack trace's first line. */
    private static final Pattern TROUBLE = Pattern.compile("\\b(WARNING|SEVERE|ERROR)\\b|Exception in thread|^\\S*(Exception|Error)\\b");

    /**
     * JavaFX's warning when it runs from the class path rather than as modules: how the tests and
     * `java -cp` run it, not the runtime image; no fault of the window.
     */
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

    private final PrintStream original = System.err;
    private final Thread.UncaughtExceptionHandler originalHandler = Thread.getDefaultUncaughtExceptionHandler();
    private final List<String> trouble = new ArrayList<>();

    private Logged() {
    }

    /** Starts watching the standard error stream and uncaught exceptions. */
    static Logged watch() {
        var logged = new Logged();
        System.setErr(new PrintStream(logged.new Lines(), true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler(logged::uncaught);
        return logged;
    }

    void uncaught(Thread t, Throwable e) {
        synchronized (trouble) {
            trouble.add("an exception no one caught on thread " + t.getName() + ": " + e);
        }
        e.printStackTrace(original);
    }

    /** Throws an AssertionError naming the first trouble seen, if any. */
    void failIfAny() {
        synchronized (trouble) {
            if (!trouble.isEmpty()) {
                throw new AssertionError(trouble.getFirst());
            }
        }
    }

    void stop() {
        System.err.flush();
        System.setErr(original);
        Thread.setDefaultUncaughtExceptionHandler(originalHandler);
    }

    /** Writes through to the original stream and looks at each whole line. */
    private final class Lines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).strip();
                line.reset();
                if (TROUBLE.matcher(text).find() && !text.contains(CLASS_PATH_WARNING)) {
                    synchronized (trouble) {
                        trouble.add("logged: " + text);
                    }
                }
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
