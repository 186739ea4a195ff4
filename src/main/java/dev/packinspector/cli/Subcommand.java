package dev.packinspector.cli;

import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A command of {@code pack-inspector}: it writes to the streams of the command line it runs in and returns its exit code. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

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
