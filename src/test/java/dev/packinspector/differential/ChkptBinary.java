package dev.packinspector.differential;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.workspace.ChkptHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One of the real chkpt binaries in {@code shared/tools/chkpt/}, run as {@code real-store.py} runs
 * it: with {@code HOME} and {@code CHKPT_HOME} set to a private folder, so a store lands in
 * {@code <home>/.chkpt/stores/<project id>/} and the real home is never touched. The binary is
 * only executed, never copied. If it is missing or cannot run (not executable, no
 * {@code libsqlite3.so.0}), {@link #require} aborts the calling test with the reason, so the
 * differential tests show as skipped, never as passed.
 */
final class ChkptBinary {
    private static final long TIMEOUT_SECONDS = 300;
    private static final String SAVED = "Checkpoint saved: ";

    private final Path file;

    private ChkptBinary(Path file) {
        this.file = file;
    }

    /** Where the binaries are: {@code -Dchkpt.dir}, else {@code tools/chkpt} beside the fixtures. */
    static Path folder() {
        String dir = System.getProperty("chkpt.dir");
        if (dir != null) {
            return Path.of(dir).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("fixtures.dir", "../shared/fixtures")).toAbsolutePath().normalize()
                .resolveSibling("tools").resolve("chkpt");
    }

    /** The binary {@code name} (e.g. {@code chkpt-2f794af}) after checking it runs; aborts the test if it cannot. */
    static ChkptBinary require(String name) {
        Path file = folder().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "no chkpt binary at " + file + ": differential tests skipped");
        Assumptions.assumeTrue(Files.isExecutable(file), () -> file + " is not executable: differential tests skipped");
        var binary = new ChkptBinary(file);
        Result help;
        try {
            Path home = Files.createTempDirectory("chkpt-probe-");
            try {
                help = binary.run(home, home, List.of("--help"));
            } finally {
                Workspace.deleteTree(home);
            }
        } catch (IOException e) {
            help = Assumptions.abort(file + " cannot be started (" + e.getMessage() + "): differential tests skipped");
        }
        Result probe = help;
        Assumptions.assumeTrue(probe.exit() == 0, () -> file + " --help exits " + probe.exit() + " (" + probe.stderr().strip()
                + "); it needs glibc 2.34+ and libsqlite3.so.0: differential tests skipped");
        return binary;
    }

    String name() {
        return file.getFileName().toString();
    }

    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + ", stdout: " + stdout.strip() + ", stderr: " + stderr.strip();
        }
    }

    /** Runs {@code chkpt save} in {@code workspace}; {@code chunkBytes > 0} adds {@code --pack-chunk-bytes}. Returns the snapshot id. */
    String save(Path workspace, Path home, String message, int chunkBytes) throws IOException {
        var args = new ArrayList<>(List.of("save", "-m", message));
        if (chunkBytes > 0) {
            args.addAll(List.of("--pack-chunk-bytes", Integer.toString(chunkBytes)));
        }
        Result r = run(workspace, home, args);
        if (r.exit() != 0) {
            throw new AssertionError("chkpt " + String.join(" ", args) + " failed: " + r);
        }
        return r.stdout().lines().filter(l -> l.startsWith(SAVED)).map(l -> l.substring(SAVED.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot id in the output of chkpt save: " + r));
    }

    /**
     * chkpt's own restore of {@code snapshotId} into {@code target} (an empty folder): chkpt restores
     * the folder it runs in, from the store filed under that folder's project id, so a copy of
     * {@code store} is filed under {@code target}'s id in a fresh home inside {@code scratch}.
     */
    Result restoreInto(Path store, String snapshotId, Path target, Path scratch) throws IOException {
        return restoreInto(store, snapshotId, target, scratch, projectId(target.toRealPath()));
    }

    /** {@link #restoreInto(Path, String, Path, Path)} by a chkpt that files {@code target}'s store under {@code id} (chkpt 0.1.x hashes paths with BLAKE3). */
    Result restoreInto(Path store, String snapshotId, Path target, Path scratch, String id) throws IOException {
        Path home = Files.createTempDirectory(scratch, "home-");
        Path real = target.toRealPath();
        Path stores = home.resolve(".chkpt").resolve("stores");
        Files.createDirectories(stores);
        StoreFingerprint.copy(store, stores.resolve(id));
        try {
            Result r = run(real, home, List.of("restore", snapshotId));
            try (var listed = Files.list(stores)) {
                List<String> names = listed.map(p -> p.getFileName().toString()).toList();
                if (!names.equals(List.of(id))) {
                    throw new AssertionError("chkpt restore used the stores " + names + ", expected " + id + ": project id mismatch");
                }
            }
            return r;
        } finally {
            Workspace.deleteTree(home);
        }
    }

    /** chkpt's project id of a folder given by its canonical path ({@link ChkptHome#projectId}, checked against chkpt by WorkspaceStoreTest). */
    static String projectId(Path canonical) {
        return ChkptHome.projectId(canonical);
    }

    /** The one store under {@code home}: chkpt files a workspace's store under its project id. */
    static Path storeIn(Path home) throws IOException {
        try (var stores = Files.list(home.resolve(".chkpt").resolve("stores"))) {
            List<Path> all = stores.toList();
            if (all.size() != 1) {
                throw new AssertionError("expected one store under " + home + ", found " + all);
            }
            return all.getFirst();
        }
    }

    private Result run(Path cwd, Path home, List<String> args) throws IOException {
        var command = new ArrayList<String>();
        command.add(file.toString());
        command.addAll(args);
        Path out = Files.createTempFile(home, "stdout-", ".txt");
        Path err = Files.createTempFile(home, "stderr-", ".txt");
        var builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("CHKPT_HOME", home.toString());
        Process p = builder.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + String.join(" ", command) + " ran", e);
        }
        try {
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
