package dev.packinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.restore.FreeSpace;
import dev.packinspector.restore.GeneratedStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore} into a target whose file system has less room than the restore needs is refused
 * before anything is written, as a target that is not a folder is: one sentence, exit code 2. So
 * is {@code export} to a tar that cannot fit.
 */
class CliRestoreSpaceTest {
    private static final String STORE = Fixtures.store("real/head-basic").toString();

    private record Result(int exit, String out, String err) {
    }

    private static Result run(FreeSpace room, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8), room).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTargetWithoutRoomIsAUsageErrorAndNothingIsWritten(@TempDir Path work) {
        Path target = work.resolve("target");
        Result r = run(folder -> 1000, "restore", STORE, "latest", target.toString());
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).startsWith("pack-inspector: the target's file system (at " + work + ") has 1.0 KB free but this restore needs ")
                .endsWith("; free some space or choose a folder on another disk (nothing was written)\n");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aDryRunPrintsThePlanAndSaysItWouldNotFit(@TempDir Path work) {
        Path target = work.resolve("target");
        Result r = run(folder -> 1000, "restore", STORE, "latest", target.toString(), "--dry-run");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.out().lines().toList().getLast()).startsWith("plan: ").endsWith(", 1.0 KB free");
        assertThat(r.err()).endsWith("(nothing would be written)\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void withRoomTheSameRestoreSucceeds(@TempDir Path work) {
        Result r = run(folder -> Long.MAX_VALUE, "restore", STORE, "latest", work.resolve("target").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.OK);
    }

    @Test
    void aTarThatCannotFitIsRefusedAsARestoreIsWhileACompressedOneIsTried(@TempDir Path work) {
        Path tar = work.resolve("out/snapshot.tar");
        Result r = run(folder -> 1000, "export", STORE, "latest", tar.toString());
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).startsWith("pack-inspector: the archive's file system (at " + work + ") has 1.0 KB free but this tar needs at least ")
                .endsWith("; free some space, choose a folder on another disk, or choose .tar.gz or .zip to compress it (nothing was written)\n");
        assertThat(work.resolve("out")).doesNotExist();

        // how small a compressed archive comes out is known only once written: it is tried (and would fail cleanly on a full disk)
        Result gz = run(folder -> 1000, "export", STORE, "latest", work.resolve("out/snapshot.tar.gz").toString());
        assertThat(gz.exit()).as(gz.err()).isEqualTo(Cli.OK);
    }

    /** A real 4 MB file system, asked through the standard command line: needs root (mount), skipped elsewhere. */
    @Test
    void aRealDiskTooSmallIsRefused(@TempDir Path work) throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()), "cannot mount a small tmpfs here");
        try {
            var ids = new java.util.ArrayList<String>();
            // a bare packs folder has no snapshots: extract its objects by id, which restores the same way
            GeneratedStore.write(work.resolve("store/packs"), 20, 1 << 20, 7).forEach(i -> ids.add(i.id().toHex()));
            var args = new java.util.ArrayList<>(java.util.List.of("extract", work.resolve("store/packs").toString()));
            args.addAll(ids);
            args.addAll(java.util.List.of("--to", disk.resolve("objects").toString()));
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
            assertThat(exit).isEqualTo(Cli.USAGE);
            // objects without a catalog have no recorded size: they count as their compressed size (about half here), still too much
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("has 4.2 MB free but this restore needs 1");
            assertThat(disk.resolve("objects")).doesNotExist();
        } finally {
            sh("umount", disk.toString());
        }
    }

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
