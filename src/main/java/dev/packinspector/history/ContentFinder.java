package dev.packinspector.history;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Answers "is this exact content in the store?" for local files: each regular file is hashed as
 * chkpt hashes content (XXH3-128) and its id looked up in the packs and in the {@link StoreIndex}.
 * Folders are walked without following symbolic links, and only their regular files are looked
 * up; a file named directly that is not a regular file is reported, not read. Reads the local
 * files only; stateless.
 */
public final class ContentFinder {
    private ContentFinder() {
    }

    /**
     * One local file and what the store knows of its content: the packs holding the object and
     * the snapshot paths using it. {@code problem} is set (and {@code id} null) when the file could
     * not be hashed.
     */
    public record Found(Path file, long size, ObjectId id, List<ObjectLocation> packs, List<StoreIndex.Use> uses, String problem) {
        public Found {
            packs = List.copyOf(packs);
            uses = List.copyOf(uses);
        }

        /** This file's answer from {@code packs} and {@code index} (null: no catalog), for a file hashed by {@link #hash}. */
        public Found inStore(PackSet packs, StoreIndex index) {
            if (id == null) {
                return this;
            }
            return new Found(file, size, id, packs.locateAll(id), index == null ? List.of() : index.usesOf(id), null);
        }

        /** True if the store holds the content (in a pack, a snapshot, or both). */
        public boolean inStore() {
            return !packs.isEmpty() || !uses.isEmpty();
        }
    }

    /**
     * Looks up every file of {@code files} (folders walked), passing each result to {@code found}
     * in walk order. {@code index} may be null for a store without a catalog.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static void find(List<Path> files, PackSet packs, StoreIndex index, BooleanSupplier cancelled, Consumer<Found> found)
            throws IOException {
        hash(files, cancelled, f -> found.accept(f.inStore(packs, index)));
    }

    /**
     * Hashes every file of {@code files} (folders walked) without looking anything up: each
     * {@link Found} has its id (or its problem) and no packs or uses yet; see {@link Found#inStore}.
     */
    public static void hash(List<Path> files, BooleanSupplier cancelled, Consumer<Found> found) throws IOException {
        for (Path start : files) {
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                found.accept(hashOf(start));
                continue;
            }
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("finding content was cancelled");
                    }
                    if (attrs.isRegularFile()) {
                        found.accept(hashOf(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.accept(failed(file, "cannot be read (" + e.getMessage() + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    /** One file hashed, or why it could not be. */
    private static Found hashOf(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return failed(file, "no such file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return failed(file, Files.isSymbolicLink(file) ? "a symbolic link, not followed" : "not a regular file");
        }
        try {
            long size = Files.size(file);
            ObjectId id = Xxh3.idOfFile(file);
            return new Found(file, size, id, List.of(), List.of(), null);
        } catch (IOException e) {
            return failed(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Found failed(Path file, String problem) {
        return new Found(file, -1, null, new ArrayList<>(), new ArrayList<>(), problem);
    }
}
