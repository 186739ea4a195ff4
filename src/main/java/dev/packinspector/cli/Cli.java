package dev.packinspector.cli;

import dev.packinspector.Errors;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.restore.FreeSpace;
import dev.packinspector.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The command line of DESIGN.md §3. Exit codes: 0 success, 1 problems found, 2 usage error, 3 the
 * store or a file is unreadable or corrupt. Output goes to the given streams so tests can run it
 * in-process.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;

    private final OutputStream stdout;
    private final PrintStream stderr;
    private final FreeSpace freeSpace;

    public Cli(OutputStream stdout, PrintStream stderr) {
        this(stdout, stderr, FreeSpace.SYSTEM);
    }

    /** A command line whose restores ask {@code freeSpace} how much room their target has (tests: a "full" disk). */
    Cli(OutputStream stdout, PrintStream stderr, FreeSpace freeSpace) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.freeSpace = freeSpace;
    }

    /** A command line bound to the process's standard output (buffered, raw bytes) and error. */
    public static Cli standard() {
        return new Cli(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), System.err);
    }

    public int run(String... args) {
        var root = new RootCommand(stdout, stderr, freeSpace);
        var cl = new CommandLine(root.spec, Arguments.FACTORY);
        root.commandLine = cl;
        for (String name : RootCommand.commandsFor(args)) {
            cl.addSubcommand(name, root.command(name).spec);
        }
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(stderr, true));
        cl.setExitCodeExceptionMapper(Cli::exitCodeOf);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (readerWentAway(e)) {
                // stdout was closed by its reader (`pack-inspector ls STORE | head`): it wants no more
                return OK;
            }
            if (e instanceof CommandLine.ParameterException usage) {
                commandLine.getErr().println(PathText.oneLine(usage.getMessage()));
                usage.getCommandLine().usage(commandLine.getErr());
                return USAGE;
            }
            // one line per error, whatever path or text the message holds
            commandLine.getErr().println("pack-inspector: " + Errors.sentence(e));
            return exitCodeOf(e);
        });
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cl.getCommandSpec().exitCodeOnUsageHelp(OK);
        try {
            return cl.execute(args);
        } finally {
            try {
                stdout.flush();
            } catch (java.io.IOException ignored) {
                // stdout closed by the reader (e.g. a pipe into head): nothing left to tell it
            }
        }
    }

    /** The output's reader closed it (EPIPE): not a failure of ours, nothing to say. */
    private static boolean readerWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && !(t instanceof StoreException) && "Broken pipe".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static int exitCodeOf(Throwable e) {
        // UsageException is an IllegalArgumentException
        if (e instanceof UnknownSnapshotException || e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return UNREADABLE;
    }
}
