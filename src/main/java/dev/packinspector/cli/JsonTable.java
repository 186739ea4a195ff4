package dev.packinspector.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --json} of the commands that print a table of the store's own parts (snapshots, packs,
 * files beside them), whose rows hold no user paths and so have no {@code -z}.
 */
final class JsonTable implements Arguments.Part {
    private final OptionSpec on = Arguments.flag("--json", "print a JSON array");

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(on);
    }

    /** True if the command was asked for JSON. */
    boolean on() {
        return Arguments.on(on);
    }
}
