package dev.packinspector;

import dev.packinspector.app.SelfTest;
import dev.packinspector.app.shell.DemoStore;
import dev.packinspector.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>The short commands of {@link #OWN_CACHE} also get a cache each in the script, recorded from
 * that command alone ({@code --aot-training=command=NAME}) on a small store the real chkpt wrote
 * (packs, a tree pack, two saves; shipped as a resource): a cache's classes are all loaded when the
 * JVM starts, so a command starts faster from a cache that holds only what it uses (issue 15).
 */
final class AotTraining {
    /** How many times the demo store is restored. */
    private static final int ROUNDS = 30;
    /** How many times a command of {@link #OWN_CACHE} runs in its own training. */
    private static final int COMMAND_ROUNDS = 3;
    /** Where the training store is among the resources; its files.txt lists its files. */
    private static final String REAL_STORE = "/dev/packinspector/training-store/";
    /** The training store's first snapshot (by a unique prefix), an object it holds and a file's content. */
    private static final String FIRST_SNAPSHOT = "01a23b98-0fa1", OBJECT = "259ac96f28b6b93a0b4450c8e338f2a8",
            BUILD_SH = "#!/bin/sh\nexec cargo build --release\n";
    /**
     * The commands with a start-up cache of their own in the script, each with the arguments it is
     * trained with: {@code S} stands for the training store, {@code F} for a file whose content it
     * holds (scripts/build.sh of the recipe). The script's list must be the same
     * ({@code AotTrainingTest}).
     */
    static final Map<String, List<List<String>>> OWN_CACHE = Map.ofEntries(
            Map.entry("packs", List.of(List.of("packs", "S"), List.of("packs", "S", "--json"))),
            Map.entry("ls", List.of(List.of("ls", "S"))),
            Map.entry("cat", List.of(List.of("cat", "S", OBJECT))),
            Map.entry("snapshots", List.of(List.of("snapshots", "S"))),
            Map.entry("files", List.of(List.of("files", "S", "latest"))),
            Map.entry("info", List.of(List.of("info", "S"))),
            Map.entry("find", List.of(List.of("find", "S", "*.rs"))),
            Map.entry("history", List.of(List.of("history", "S", "src/main.rs"))),
            Map.entry("diff", List.of(List.of("diff", "S", FIRST_SNAPSHOT, "latest"))),
            Map.entry("which", List.of(List.of("which", "S", "F"))),
            Map.entry("tree", List.of(List.of("tree", "S", "latest"))),
            Map.entry("stats", List.of(List.of("stats", "S"))));

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

    /**
     * The command {@code --aot-training=command=NAME} names, or null if the argument is not of that
     * form; a name that is not one of {@link #OWN_CACHE} is given back as it is (its training fails).
     */
    static String commandOf(String argument) {
        String prefix = "--aot-training=command=";
        return argument.startsWith(prefix) ? argument.substring(prefix.length()) : null;
    }

    /** The training of one command of {@link #OWN_CACHE} on a copy of the training store; 0 if every run succeeded. */
    static int command(String name) throws IOException {
        List<List<String>> runs = OWN_CACHE.get(name);
        if (runs == null) {
            System.err.println("pack-inspector: no start-up cache of its own for '" + name + "'; those that have one: " + OWN_CACHE.keySet());
            return 2;
        }
        Path work = Files.createTempDirectory("pack-inspector-aot-");
        try {
            String store = realStore(work.resolve("store")).toString();
            String file = Files.writeString(work.resolve("build.sh"), BUILD_SH).toString();
            int failed = 0;
            for (int i = 0; i < COMMAND_ROUNDS; i++) {
                for (List<String> args : runs) {
                    failed += run(args.stream().map(a -> a.equals("S") ? store : a.equals("F") ? file : a).toArray(String[]::new));
                }
            }
            return failed == 0 ? 0 : 1;
        } finally {
            delete(work);
        }
    }

    /**
     * Copies the training store to {@code dir}. It was written by chkpt-2f794af with
     * {@code ../shared/tools/real-store.py jlink/training-store-recipe.json OUT} (catalog.sqlite,
     * index.bin, packs/ and trees/ of OUT); written again, its snapshot ids and so
     * {@link #FIRST_SNAPSHOT} change.
     */
    static Path realStore(Path dir) throws IOException {
        String list;
        try (InputStream in = Objects.requireNonNull(AotTraining.class.getResourceAsStream(REAL_STORE + "files.txt"), "the training store's list")) {
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : list.lines().filter(l -> !l.isBlank()).toList()) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            try (InputStream in = Objects.requireNonNull(AotTraining.class.getResourceAsStream(REAL_STORE + name), name)) {
                Files.copy(in, file);
            }
        }
        return dir;
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
            delete(work);
        }
    }

    private static void delete(Path work) throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
