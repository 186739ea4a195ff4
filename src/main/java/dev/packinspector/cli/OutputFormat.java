package dev.packinspector.cli;

import java.io.OutputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --json} and {@code -z} of the line-oriented commands, which print records as text (as
 * {@link Records} writes them), NUL-ended records (as git's {@code -z}) or JSON: {@link #json()}
 * where the JSON is one document, {@link #jsonArray()} where it is an array of records.
 */
final class OutputFormat implements Arguments.Part {
    private final OptionSpec json;
    private final OptionSpec nul = Arguments.flag("-z",
            "end each record with NUL instead of a newline and write paths as stored, unquoted (as git's -z)");

    private OutputFormat(String jsonDescription) {
        this.json = Arguments.flag("--json", jsonDescription);
    }

    /** For commands whose JSON is one document. */
    static OutputFormat json() {
        return new OutputFormat("print JSON");
    }

    /** For commands whose JSON is an array of records. */
    static OutputFormat jsonArray() {
        return new OutputFormat("print a JSON array");
    }

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(nul);
        command.addOption(json);
    }

    /** True if the command was asked for JSON. */
    boolean isJson() {
        return Arguments.on(json);
    }

    /** A usage error if both were asked for: JSON has no records to end. Commands call it before they read anything. */
    void refuseBoth() {
        if (isJson() && Arguments.on(nul)) {
            throw new UsageException("choose one of --json and -z");
        }
    }

    /** True if either was asked for (a command whose output is neither refuses them). */
    boolean isAsked() {
        return isJson() || Arguments.on(nul);
    }

    /** The command's text output, its records ended as asked. */
    Records records(OutputStream stdout) {
        return new Records(stdout, Arguments.on(nul));
    }
}
