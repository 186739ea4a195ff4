package dev.packinspector.cli;

import java.io.OutputStream;
import picocli.CommandLine.Option;

/** The {@code -z} option of the line-oriented commands, as git's: records end with NUL, paths are not quoted. */
final class NulOption {
    @Option(names = "-z", description = "end each record with NUL instead of a newline and write paths as stored, unquoted (as git's -z)")
    boolean nul;

    /** The command's text output, its records ended as asked. */
    Records open(OutputStream stdout) {
        return new Records(stdout, nul);
    }

    /** A usage error if the command was asked for JSON as well: JSON has no records to end. */
    void refuseWith(boolean json) {
        if (json && nul) {
            throw new UsageException("choose one of --json and -z");
        }
    }
}
