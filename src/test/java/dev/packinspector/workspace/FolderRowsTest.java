package dev.packinspector.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.tree.StatCache;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's rows kept current folder by folder are what a whole scan finds, after every kind of
 * change: edits (one in the same clock second as the last scan), chmod, deletes, new files and
 * folders, a file become a folder and back, a folder become a link, folders chkpt leaves out; and
 * the watch names the folders that changed.
 */
class FolderRowsTest {
    private static final StatCache NO_CACHE = StatCache.decode(MemorySegment.ofArray(new byte[0]));

    @Test
    void rescanningTheChangedFoldersGivesWhatAWholeScanGives(@TempDir Path tmp) throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws")).toRealPath();
        var random = new Random(16);
        var files = new ArrayList<Path>();
        for (int i = 0; i < 120; i++) {
            Path f = ws.resolve("d" + i % 7 + "/e" + i % 3 + "/f" + i + ".txt");
            write(f, "content " + i);
            files.add(f);
        }
        write(ws.resolve("target/out.o"), "left out");
        ChkptRules rules = ChkptRules.of(ws, false);
        FolderRows rows = FolderRows.scan(ws, rules, NO_CACHE);
        assertEquals(WorkspaceScan.of(ws, rules, NO_CACHE), rows.rows());
        for (int round = 0; round < 40; round++) {
            Set<Path> changed = new LinkedHashSet<>();
            for (int k = 0; k < 3; k++) {
                change(ws, files, random, changed);
            }
            List<Path> appeared = rows.rescan(changed);
            assertEquals(WorkspaceScan.of(ws, rules, NO_CACHE), rows.rows(), "round " + round + " after " + changed);
            for (Path a : appeared) {
                assertTrue(Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS), a + " appeared");
            }
        }
        // an edit that keeps size and mtime, within the racy window of the last hash, is still seen
        Path f = ws.resolve("same-second.txt");
        write(f, "aaaa");
        rows.rescan(List.of(ws));
        FileTime t = Files.getLastModifiedTime(f);
        Files.writeString(f, "bbbb");
        Files.setLastModifiedTime(f, t);
        rows.rescan(List.of(ws));
        assertEquals(WorkspaceScan.of(ws, rules, NO_CACHE), rows.rows(), "an edit in the same second");
    }

    @Test
    void theWatchNamesTheFolderThatChanged(@TempDir Path tmp) throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("ws")).toRealPath();
        write(ws.resolve("src/a.txt"), "a");
        FolderRows rows = FolderRows.scan(ws, ChkptRules.of(ws, false), NO_CACHE);
        var heard = new LinkedBlockingQueue<Path>();
        try (FolderWatch watch = FolderWatch.of(rows.folders(), new FolderWatch.Listener() {
            @Override
            public void changed(Path folder) {
                heard.add(folder);
            }

            @Override
            public void overflowed() {
                heard.add(Path.of("overflow"));
            }
        })) {
            assertNotNull(watch, "a small folder is watched");
            assertEquals(2, watch.size());
            Files.writeString(ws.resolve("src/a.txt"), "changed");
            assertEquals(ws.resolve("src"), heard.poll(20, TimeUnit.SECONDS));
        }
    }

    /** One random change, with the folders whose entries it changed. */
    private static void change(Path ws, List<Path> files, Random random, Set<Path> changed) throws IOException {
        Path f = files.get(random.nextInt(files.size()));
        Path parent = f.getParent();
        switch (random.nextInt(8)) {
            case 0 -> { // edit (or create, with the folders on its way)
                if (reachable(ws, f) && !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    write(f, "edit " + random.nextInt());
                    for (Path p = parent; !p.equals(ws.getParent()); p = p.getParent()) {
                        changed.add(p);
                    }
                }
            }
            case 1 -> {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(random.nextBoolean() ? "rwxr-xr-x" : "rw-------"));
                    changed.add(parent);
                }
            }
            case 2 -> {
                if (reachable(ws, f) && !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(f)) {
                    changed.add(parent);
                }
            }
            case 3 -> { // a new folder with files
                if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                    write(parent.resolve("new" + random.nextInt(1000)).resolve("x/y.txt"), "new");
                    changed.add(parent);
                }
            }
            case 4 -> { // a file becomes a folder
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(f);
                    write(f.resolve("inside.txt"), "was a file");
                    changed.add(parent);
                }
            }
            case 5 -> { // a folder goes, or becomes a link
                Path d = parent;
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && !d.equals(ws)) {
                    deleteTree(d);
                    if (random.nextBoolean()) {
                        Files.createSymbolicLink(d, Path.of("../elsewhere"));
                    }
                    changed.add(d.getParent());
                }
            }
            case 6 -> { // something chkpt leaves out
                if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                    write(parent.resolve("target/build.o"), "left out");
                    changed.add(parent);
                }
            }
            default -> { // a link becomes a file again
                if (Files.isSymbolicLink(parent)) {
                    Files.delete(parent);
                    write(parent, "now a file");
                    changed.add(parent.getParent());
                }
            }
        }
    }

    /** True if every folder on the way to {@code f} is a real folder or not there yet. */
    private static boolean reachable(Path ws, Path f) {
        for (Path p = f.getParent(); !p.equals(ws); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
