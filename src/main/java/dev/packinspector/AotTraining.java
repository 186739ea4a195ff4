package dev.packinspector;

import dev.packinspector.app.SelfTest;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.cli.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work JDK 25's ahead-of-time caches are recorded from ({@code java -XX:AOTCacheOutput=...
 * dev.packinspector.Main --aot-training[=cli|window|all]}): for the command line, the commands
 * people run most, on the demo store, written into a temp folder and deleted afterwards; for the
 * window, the self-test's walk of the demo store on JavaFX's Headless platform (a training must not
 * open a window in front of anyone). A later run starts with these classes loaded and linked and
 * their methods' profiles known, so less of its time goes to the JIT (BENCHMARKS.md, issue 15).
 * The {@code ./pack-inspector} script keeps a cache for each (its window and its command line run
 * with different modules); the packaged application has one launcher, so one cache of both. Its
 * output is thrown away.
 */
final class AotTraining {
    /** How many times the demo store is restored. */
    private static final int ROUNDS = 30;

    private AotTraining() {
    }

    private static int run(String... args) {
        int exit = new Cli(OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream())).run(args);
        return exit == Cli.OK ? 0 : 1;
    }

    /** What a training covers. */
    enum Part {
        CLI, WINDOW, ALL;

        /** The part {@code --aot-training[=cli|window|all]} names, or null if it names none. */
        static Part of(String argument) {
            return switch (argument) {
                case "--aot-training", "--aot-training=cli" -> CLI;
                case "--aot-training=window" -> WINDOW;
                case "--aot-training=all" -> ALL;
                default -> null;
            };
        }
    }

    /** Runs the training of {@code part}; 0 if every command and the window's walk ran as they should. */
    static int run(Part part) throws IOException {
        int failed = part == Part.WINDOW ? 0 : commandLine();
        if (part != Part.CLI) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
            failed += SelfTest.run(List.of(), new PrintStream(OutputStream.nullOutputStream()));
        }
        return failed == 0 ? 0 : 1;
    }

    /** The command line's training; 0 if every command ran as it should. */
    static int commandLine() throws IOException {
        Path work = Files.createTempDirectory("pack-inspector-aot-");
        try {
            String store = DemoStore.write(work.resolve("store")).toString();
            String target = work.resolve("restored").toString();
            int failed = 0;
            for (String[] args : new String[][] {{"packs", store}, {"ls", store}, {"snapshots", store}, {"files", store, "latest"},
                    {"find", store, "*.md"}, {"info", store}, {"stats", store}, {"restore", store, "latest", target, "--dry-run"},
                    {"verify", store}, {"--version"}}) {
                failed += run(args);
            }
            // restores again and again, so that the profiles of the decode, hash and write paths are those of a long restore
            for (int i = 0; i < ROUNDS; i++) {
                failed += run("restore", store, "latest", target + "-" + i);
            }
            return failed == 0 ? 0 : 1;
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
