package dev.packinspector;

import dev.packinspector.app.Gui;
import dev.packinspector.app.SelfTest;
import dev.packinspector.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the jar and of the {@code pack-inspector} launcher: no arguments, {@code gui
 * [STORE]} or just a folder open the window; {@code --self-test [STORE...]} checks that the window
 * works and exits; a subcommand runs the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int rerun = FileNameEncoding.ensureUtf8(args);
        if (rerun >= 0) {
            System.exit(rerun);
        }
        AotTraining.Part training = args.length == 1 ? AotTraining.Part.of(args[0]) : null;
        String command = args.length == 1 ? AotTraining.commandOf(args[0]) : null;
        if (training != null || command != null) {
            try {
                System.exit(training != null ? AotTraining.run(training) : AotTraining.command(command));
            } catch (java.io.IOException e) {
                System.err.println("pack-inspector: " + Errors.sentence(e));
                System.exit(Cli.UNREADABLE);
            }
        }
        if (args.length > 0 && args[0].equals("--self-test")) {
            System.exit(SelfTest.run(Arrays.stream(args, 1, args.length).map(Path::of).toList(), System.out));
        }
        if (args.length == 0 || args[0].equals("gui") || (args.length == 1 && !args[0].startsWith("-") && Files.isDirectory(Path.of(args[0])))) {
            String[] store = args.length > 0 && args[0].equals("gui") ? Arrays.copyOfRange(args, 1, args.length) : args;
            try {
                Gui.launch(store);
            } catch (RuntimeException e) {
                System.err.println("pack-inspector: cannot open the window (" + e.getMessage() + "); is there a display? "
                        + "The command line works without one: pack-inspector --help");
                System.exit(Cli.UNREADABLE);
            }
            return;
        }
        int code = Cli.standard().run(args);
        if (code != Cli.OK) {
            System.exit(code);
        }
        // Success returns from main rather than calling System.exit, which since JDK 21 asks the
        // System.Logger backend whether to log the exit: finding that backend searches every jar on
        // the class path for a service file, 40 ms of a 120 ms command (BENCHMARKS.md, issue 15).
        // The command line's worker threads are daemons, so the JVM ends here, shutdown hooks run.
    }
}
