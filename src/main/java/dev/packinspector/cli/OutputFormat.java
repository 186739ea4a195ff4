package dev.packinspector.cli;

import java.io.OutputStream;
import picocli.CommandLine.Option;

/**
 * {@code --json} and {@code -z} of the line-oriented commands, which print records as text (as
 * {@link Records} writes them), NUL-ended records (as git's {@code -z}) or JSON. Mixed in as
 * {@link Json} or {@link JsonArray}, which differ only in the help of {@code --json} (so each only
 * annotates the setter).
 */
abstract class OutputFormat {
    @Option(names = "-z", description = "end each record with NUL instead of a newline and write paths as stored, unquoted (as git's -z)")
    private boolean nul;

    private boolean json;

    /** True if the command was asked for JSON. */
    boolean json() {
        return json;
    }

    void json(boolean on) {
        this.json = on;
    }

    /** A usage error if both were asked for: JSON has no records to end. Commands call it before they read anything. */
    void refuseBoth() {
        if (json() && nul) {
            throw new UsageException("choose one of --json and -z");
        }
    }

    /** The command's text output, its records ended as asked. */
    Records records(OutputStream stdout) {
        return new Records(stdout, nul);
    }

    /** For commands whose JSON is one document. */
    static final class Json extends OutputFormat {
        @Override
        @Option(names = "--json", description = "print JSON")
        void json(boolean on) {
            super.json(on);
        }
    }

    /** For commands whose JSON is an array of records. */
    static final class JsonArray extends OutputFormat {
        @Override
        @Option(names = "--json", description = "print a JSON array")
        void json(boolean on) {
            super.json(on);
        }
    }
}
