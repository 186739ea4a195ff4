package dev.packinspector.cli;

import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command of {@code pack-inspector}: it declares its parameters and options ({@link Arguments}),
 * writes to the streams of the command line it runs in and returns its exit code.
 */
abstract class Subcommand implements Callable<Integer> {
    /** The command's model: its name, help, parameters and options, which hold their values once parsed. */
    final CommandSpec spec;

    /** The command line's root, set by {@link RootCommand} when it makes the command. */
    RootCommand root;

    Subcommand(String name, String... description) {
        this.spec = Arguments.command(this, name, description);
    }

    /** Declares {@code part}'s parameters and options on this command, in the order of the calls; returns it. */
    final <T extends Arguments.Part> T add(T part) {
        part.addTo(spec);
        return part;
    }

    final OptionSpec add(OptionSpec option) {
        spec.addOption(option);
        return option;
    }

    final PositionalParamSpec add(PositionalParamSpec parameter) {
        spec.addPositional(parameter);
        return parameter;
    }

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
