package dev.packinspector.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the commands that print a table of the store's own parts (snapshots, packs,
 * files beside them), whose rows hold no user paths and so have no {@code -z}: mixed in.
 */
final class JsonTable {
    @Option(names = "--json", description = "print a JSON array")
    private boolean on;

    /** True if the command was asked for JSON. */
    boolean on() {
        return on;
    }
}
