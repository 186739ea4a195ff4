package dev.packinspector.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of a store folder other than its packs, each with what it is: the catalog and the
 * files SQLite keeps beside it, the tree pack, chkpt's workspace cache ({@code index.bin}), its
 * lock, leftovers of a killed save, the empty folders older chkpt leaves, and anything chkpt does
 * not write. Only lists and stats: nothing is opened, so the lock is never taken and nothing is
 * written. None of them is a problem. Stateless; thread-safe.
 */
public final class StoreFiles {
    /** A file or folder of the store: its path relative to the store, size (-1 for a folder) and what it is. */
    public record Entry(String path, long size, String what) {
    }

    private static final Pattern TREES_TEMP = Pattern.compile("\\.tmp[A-Za-z0-9]{6}");

    private StoreFiles() {
    }

    /** The store's own files, sorted by path; empty for a bare packs folder. */
    public static List<Entry> of(Path store) throws IOException {
        var entries = new ArrayList<Entry>();
        if (!Files.isDirectory(store.resolve("packs"))) {
            return entries;
        }
        list(store, "", entries);
        entries.sort(java.util.Comparator.comparing(Entry::path));
        return entries;
    }

    private static void list(Path folder, String prefix, List<Entry> entries) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String path = prefix + file.getFileName();
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (path.equals("packs")) {
                    continue;
                }
                if (a.isDirectory() && (path.equals("locks") || path.equals("trees"))) {
                    list(file, path + "/", entries);
                    if (isEmpty(file)) {
                        entries.add(new Entry(path + "/", -1, "an empty folder chkpt made"));
                    }
                } else {
                    String shown = a.isDirectory() ? path + "/" : path;
                    entries.add(new Entry(shown, a.isDirectory() ? -1 : a.size(), describe(shown, a.isDirectory(), file)));
                }
            }
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            return !files.iterator().hasNext();
        }
    }

    static String describe(String path, boolean folder, Path file) throws IOException {
        String bare = folder ? path.substring(0, path.length() - 1) : path;
        String name = bare.substring(bare.lastIndexOf('/') + 1);
        return switch (path) {
            case "catalog.sqlite" -> "the catalog: snapshots, their manifests and which pack holds each object (SQLite; opened read-only)";
            case "catalog.sqlite-wal" -> "SQLite's write-ahead log of the catalog: chkpt is saving, or a save was killed; its changes are read too";
            case "catalog.sqlite-shm" -> "SQLite's shared-memory index of the write-ahead log";
            case "catalog.sqlite-journal" -> "SQLite's rollback journal: a catalog write was interrupted";
            case "index.bin" -> "chkpt's workspace cache (file sizes, times and ids, to skip unchanged files); not needed to restore";
            case "index.bin.tmp" -> "chkpt's workspace cache being written, or left by a killed save";
            case "locks/project.lock" -> "chkpt's lock, held while it saves; Pack Inspector never takes it";
            case "trees/trees.dat" -> "the tree pack: every folder listing of every snapshot";
            case "trees/trees.idx" -> "the tree pack's sorted index";
            case "trees/trees.idx.tmp" -> "a tree index being written, or left by a killed save (chkpt ignores it)";
            case "manifest.json" -> "not written by chkpt (the test fixtures' description of the store)";
            default -> {
                if (path.startsWith("trees/") && TREES_TEMP.matcher(name).matches()) {
                    yield "a tree pack being written, or left by a killed save (chkpt ignores it)";
                }
                if (folder && (path.equals("snapshots/") || path.startsWith("attachments"))) {
                    yield Files.isDirectory(file) && isEmpty(file) ? "an empty folder older chkpt versions make" : "a folder older chkpt versions use";
                }
                if (path.startsWith("trees/") && folder && name.matches("[0-9a-f]{2}")) {
                    yield "loose tree objects (written by chkpt 7f7f180's JavaScript API)";
                }
                yield "not part of chkpt's store layout";
            }
        };
    }
}
