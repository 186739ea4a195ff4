package dev.packinspector.history;

import dev.packinspector.store.ContentId;
import dev.packinspector.store.ContentLookup;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Answers "is this exact content in the store?" for local files: each regular file is hashed as
 * the store's format hashes content ({@link ContentLookup#idOfFile}: XXH3-128 for current chkpt,
 * BLAKE3 for 0.1.x) and its id looked up where the store keeps objects and in the {@link StoreIndex}.
 * Folders are walked without following symbolic links, and only their regular files are looked
 * up; a file named directly that is not a regular file is reported, not read. Reads the local
 * files only; stateless.
 */
public final class ContentFinder {
    private ContentFinder() {
    }

    /**
     * One local file and what the store knows of its content: the packs holding the object (by
     * name), whether it is a loose object, and the snapshot paths using it. {@code problem} is set
     * (and {@code id} null) when the file could not be hashed.
     */
    public record Found(Path file, long size, ContentId id, List<String> packs, boolean loose, List<StoreIndex.Use> uses, String problem) {
        public Found {
            packs = List.copyOf(packs);
            uses = List.copyOf(uses);
        }

        /** This file's answer from {@code store} and {@code index} (null: no catalog), for a file hashed by {@link #hash}. */
        public Found inStore(ContentLookup store, StoreIndex index) {
            if (id == null) {
                return this;
            }
            return new Found(file, size, id, store.packsHolding(id), store.holdsLoose(id), index == null ? List.of() : index.usesOf(id), null);
        }

        /** True if the store holds the content (in a pack, as a loose object, in a snapshot). */
        public boolean inStore() {
            return !packs.isEmpty() || loose || !uses.isEmpty();
        }

        /** Where the store keeps the object, for a line that says so: "in pack NAME", "as a loose object", or null. */
        public String kept() {
            return !packs.isEmpty() ? "in pack " + packs.getFirst() : loose ? "as a loose object" : null;
        }
    }

    /**
     * Looks up every file of {@code files} (folders walked), passing each result to {@code found}
     * in walk order. {@code index} may be null for a store without a catalog.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static void find(List<Path> files, ContentLookup store, StoreIndex index, BooleanSupplier cancelled, Consumer<Found> found)
            throws IOException {
        hash(files, store, cancelled, f -> found.accept(f.inStore(store, index)));
    }

    /**
     * Hashes every file of {@code files} (folders walked) as {@code store} hashes content, without
     * looking anything up: each {@link Found} has its id (or its problem) and no packs or uses yet;
     * see {@link Found#inStore}.
     */
    public static void hash(List<Path> files, ContentLookup store, BooleanSupplier cancelled, Consumer<Found> found) throws IOException {
        for (Path start : files) {
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                found.accept(hashOf(start, store));
                continue;
            }
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("finding content was cancelled");
                    }
                    if (attrs.isRegularFile()) {
                        found.accept(hashOf(file, store));
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
    private static Found hashOf(Path file, ContentLookup store) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return failed(file, "no such file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return failed(file, Files.isSymbolicLink(file) ? "a symbolic link, not followed" : "not a regular file");
        }
        try {
            long size = Files.size(file);
            ContentId id = store.idOfFile(file);
            return new Found(file, size, id, List.of(), false, List.of(), null);
        } catch (IOException e) {
            return failed(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Found failed(Path file, String problem) {
        return new Found(file, -1, null, List.of(), false, List.of(), problem);
    }
}
