package dev.packinspector;

import dev.packinspector.cli.Cli;

/** Entry point of the jar and of the {@code pack-inspector} launcher: a subcommand runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.standard().run(args));
    }
}
