package dev.packinspector;

import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.cli.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The work the {@code ./pack-inspector} launcher records JDK 25's ahead-of-time cache from
 * ({@code java -XX:AOTCacheOutput=... dev.packinspector.Main --aot-training}): the commands people
 * run most, on the demo store, written into a temp folder and deleted afterwards. A later command
 * starts with these classes loaded and linked and their methods' profiles known, so less of its
 * time goes to the JIT (BENCHMARKS.md, issue 15). Its output is thrown away.
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

    /** Runs the training; 0 if every command ran as it should. */
    static int run() throws IOException {
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
