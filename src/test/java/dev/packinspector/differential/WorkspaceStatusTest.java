package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.workspace.WorkspaceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The folder's status since a snapshot is what chkpt's next save records: after each round of
 * changes (edits, chmod, deletes, additions, a file become a folder, a folder become a symlink,
 * renames, a touch without a change, files in the folders chkpt leaves out, a .chkptignore, names
 * that are not UTF-8), {@link WorkspaceStatus} against the last snapshot equals the diff between
 * that snapshot and the one chkpt-2f794af then saves. The store is left as chkpt wrote it.
 */
class WorkspaceStatusTest {
    private Path scratch;

    @BeforeEach
    void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("workspace-status-").toRealPath();
    }

    @AfterEach
    void removeScratch() throws IOException {
        Workspace.deleteTree(scratch);
    }

    @Test
    void statusIsWhatChkptsNextSaveRecords() throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(scratch.resolve("home"));
        Path ws = Files.createDirectory(scratch.resolve("ws"));
        var random = new Random(16);
        write(ws, "README.md", "# project\n");
        write(ws, "src/main.rs", "fn main() {}\n");
        write(ws, "src/lib/a.rs", text(random, 3000));
        write(ws, "src/lib/b.rs", text(random, 70_000));
        write(ws, "docs/guide.md", text(random, 500));
        write(ws, "docs/old/notes.md", "notes\n");
        write(ws, "run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(ws.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(ws, "data/empty.bin", "");
        write(ws, "data/same-size.txt", "aaaa");
        Files.createSymbolicLink(ws.resolve("latest.md"), Path.of("docs/guide.md"));
        write(ws, "target/debug/app", "left out");
        write(ws, "crates/x/target/t.o", "left out at any depth");
        write(ws, "node_modules/pkg/index.js", "a dependency");
        write(ws, ".git/HEAD", "ref: refs/heads/main\n");
        chkpt.save(ws, home, "first", 0);
        Path store = ChkptBinary.storeIn(home);

        // round 1: the everyday changes
        write(ws, "src/main.rs", "fn main() { println!(\"hi\"); }\n");
        Files.setPosixFilePermissions(ws.resolve("docs/guide.md"), PosixFilePermissions.fromString("rwxr-----"));
        Files.delete(ws.resolve("README.md"));
        write(ws, "NEW.md", "new\n");
        Files.move(ws.resolve("src/lib/b.rs"), ws.resolve("src/lib/renamed.rs"));
        Files.setLastModifiedTime(ws.resolve("src/lib/a.rs"), FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // touched, unchanged
        // rewritten in place with its size, inode and mtime kept: chkpt's save takes its id from the stat cache, and so does status
        FileTime kept = Files.getLastModifiedTime(ws.resolve("data/same-size.txt"));
        Files.writeString(ws.resolve("data/same-size.txt"), "bbbb");
        Files.setLastModifiedTime(ws.resolve("data/same-size.txt"), kept);
        write(ws, "target/new-build-output", "left out");
        write(ws, "node_modules/pkg/new.js", "left out");
        write(ws, ".chkptignore", "*.log\nscratch/\n");
        write(ws, "debug.log", "ignored by pattern");
        write(ws, "scratch/tmp.txt", "ignored folder");
        checkRound(chkpt, ws, home, store, "round 1");

        // round 2: kinds change: a file becomes a folder, a folder a symlink, a symlink a file; odd names
        Files.delete(ws.resolve("run.sh"));
        write(ws, "run.sh/inner.txt", "was a file\n");
        Workspace.deleteTree(ws.resolve("docs/old"));
        Files.createSymbolicLink(ws.resolve("docs/old"), Path.of("../src"));
        Files.delete(ws.resolve("latest.md"));
        write(ws, "latest.md", "now a file\n");
        write(ws, "a name with spaces & ünïcödé 🚀.txt", "x");
        shell(ws, "printf 'not utf-8' > \"$(printf 'caf\\351.txt')\" && printf 'surrogate' > \"$(printf 'x\\355\\240\\200y')\"");
        checkRound(chkpt, ws, home, store, "round 2");

        // round 3: nothing changed at all
        checkRound(chkpt, ws, home, store, "round 3");
    }

    /** Our status against the store's latest snapshot, then chkpt's save, then the diff chkpt's save makes: the same. */
    private static void checkRound(ChkptBinary chkpt, Path ws, Path home, Path store, String round) throws IOException {
        Snapshot before;
        List<ManifestEntry> beforeFiles;
        SnapshotDiff ours;
        var fingerprint = StoreFingerprint.of(store);
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            before = catalog.resolve("latest");
            beforeFiles = catalog.files(before);
            ours = WorkspaceStatus.of(store, before, beforeFiles, ws);
        }
        assertEquals(fingerprint, StoreFingerprint.of(store), round + ": the status wrote nothing into the store");
        chkpt.save(ws, home, round, 0);
        SnapshotDiff theirs;
        try (Catalog catalog = Catalog.open(store).orElseThrow()) {
            Snapshot after = catalog.resolve("latest");
            theirs = SnapshotDiff.between(before, beforeFiles, after, catalog.files(after));
        }
        assertEquals(describe(theirs), describe(ours), round);
        assertEquals(theirs.unchanged(), ours.unchanged(), round + ": unchanged");
    }

    private static List<String> describe(SnapshotDiff diff) {
        return diff.changes().stream().map(c -> c.kind() + " " + c.path() + " " + c.before() + " -> " + c.after()).toList();
    }

    private static void write(Path ws, String path, String content) throws IOException {
        Path file = ws.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String text(Random random, int size) {
        var s = new StringBuilder(size);
        while (s.length() < size) {
            s.append("line ").append(random.nextInt(1000)).append('\n');
        }
        return s.toString();
    }

    private static void shell(Path cwd, String script) throws IOException {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(cwd.toFile()).inheritIO().start();
            assertEquals(0, p.waitFor(), script);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
