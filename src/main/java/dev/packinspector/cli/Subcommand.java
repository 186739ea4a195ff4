package dev.packinspector.cli;

import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** A command of {@code pack-inspector}: it writes to the streams of the command line it runs in and returns its exit code. */
abstract class Subcommand implements Callable<Integer> {
    /**
     * The command line's root, set by {@link Cli}'s factory when it makes the command (not picocli's
     * {@code @ParentCommand}: each annotation type picocli meets costs every run a dynamic proxy class).
     */
    RootCommand root;

    /** Standard output, raw bytes: wrap it with {@link Output} or {@link OutputFormat#records}. */
    final OutputStream stdout() {
        return root.stdout;
    }

    final PrintStream stderr() {
        return root.stderr;
    }

    /** Where a restore asks how much room its target has. */
    final FreeSpace freeSpace() {
        return root.freeSpace;
    }
}
