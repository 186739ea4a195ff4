package dev.packinspector.legacy;

import dev.packinspector.store.StoreFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a store of chkpt 0.1.x, each with what it is, as {@link StoreFiles} lists those
 * of a current store: the content folders with their counts and bytes, the workspace cache, the
 * lock, the folders only chkpt's JavaScript API fills, and anything else. Only listed, never opened.
 */
public final class LegacyFiles {
    private LegacyFiles() {
    }

    /** The store's files and folders, sorted by path; a folder's size is that of the files beneath it. */
    public static List<StoreFiles.Entry> of(LegacyStore store) throws IOException {
        var entries = new ArrayList<StoreFiles.Entry>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(store.root())) {
            for (Path file : top) {
                String name = file.getFileName().toString();
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isDirectory()) {
                    entries.add(new StoreFiles.Entry(name, a.size(), describeFile(name)));
                    continue;
                }
                Count c = count(file);
                entries.add(new StoreFiles.Entry(name + "/", c.bytes, describeFolder(name, c)));
            }
        }
        entries.sort(java.util.Comparator.comparing(StoreFiles.Entry::path));
        return entries;
    }

    private static String describeFile(String name) {
        return switch (name) {
            case "index.sqlite" -> "chkpt 0.1.x's workspace cache (file sizes, times and ids, to skip unchanged files); not read, not needed to restore";
            case "index.sqlite-wal" -> "SQLite's write-ahead log of the workspace cache";
            case "index.sqlite-shm" -> "SQLite's shared-memory index of that log";
            case "config.json" -> "a project configuration (chkpt 0.1.x never writes one)";
            case "manifest.json" -> "not written by chkpt (the test fixtures' description of the store)";
            default -> "not part of chkpt 0.1.x's store layout";
        };
    }

    private static String describeFolder(String name, Count c) {
        String temps = c.temps == 0 ? "" : String.format(Locale.ROOT, "; %,d temp files a killed save left", c.temps);
        return switch (name) {
            case "objects" -> String.format(Locale.ROOT, "%,d loose objects: file contents, zstd-compressed, named by BLAKE3 id%s", c.files - c.temps, temps);
            case "trees" -> String.format(Locale.ROOT, "%,d trees: folder listings (bincode), named by BLAKE3 id%s", c.files - c.temps, temps);
            case "snapshots" -> String.format(Locale.ROOT, "%,d snapshot JSON files: the list of snapshots%s", c.files - c.temps, temps);
            case "packs" -> c.files == 0 ? "empty: chkpt 0.1.x writes no packs"
                    : String.format(Locale.ROOT, "%,d files: CHKP v1 packs, which no chkpt 0.1.x command writes; not read", c.files);
            case "attachments" -> c.files == 0 ? "empty: only chkpt 0.1.x's JavaScript API attaches dependencies and git bundles"
                    : String.format(Locale.ROOT, "%,d attached dependency archives and git bundles (chkpt 0.1.x's JavaScript API); not read", c.files);
            case "locks" -> "chkpt's lock file, held while it saves, restores or deletes; Pack Inspector never takes it";
            default -> "not part of chkpt 0.1.x's store layout";
        };
    }

    /** The files beneath a folder: how many, how many of them are temp files ({@code *.tmp}), and their bytes. */
    public record Count(long files, long temps, long bytes) {
    }

    /** What is beneath the store's folder {@code name} ({@code objects}, {@code trees}, ...): none if it has no such folder. */
    public static Count count(LegacyStore store, String name) throws IOException {
        Path folder = store.root().resolve(name);
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) ? count(folder) : new Count(0, 0, 0);
    }

    private static Count count(Path folder) throws IOException {
        long[] n = new long[3];
        try (var all = Files.walk(folder)) {
            all.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) {
                        n[0]++;
                        n[2] += a.size();
                        if (p.getFileName().toString().endsWith(".tmp")) {
                            n[1]++;
                        }
                    }
                } catch (IOException e) {
                    // a file removed while listed: not counted
                }
            });
        }
        return new Count(n[0], n[1], n[2]);
    }
}
