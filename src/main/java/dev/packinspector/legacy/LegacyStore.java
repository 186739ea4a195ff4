package dev.packinspector.legacy;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A store of chkpt 0.1.x (LEGACY-FORMAT.md), read-only: its snapshots, read from
 * {@code snapshots/*.json} (one that does not parse is a problem, not skipped as chkpt skips it),
 * and its trees and objects, found by id under {@code trees/} and {@code objects/}. The lock is
 * never taken and nothing is written. Each call reads the disk anew; thread-safe.
 */
public final class LegacyStore {
    /** The snapshots, newest first, and the snapshot files that could not be read, each a problem. */
    public record Snapshots(List<LegacySnapshot> snapshots, List<StoreException> problems) {
    }

    private final Path root;

    private LegacyStore(Path root) {
        this.root = root;
    }

    /**
     * The store at {@code root}.
     *
     * @throws StoreException if it is not a store of chkpt 0.1.x
     */
    public static LegacyStore open(Path root) throws StoreException {
        if (!StoreFormat.isLegacy(root)) {
            throw new StoreException(ProblemKind.UNREADABLE, root, StoreException.NO_OFFSET, "not a store of chkpt 0.1.x");
        }
        return new LegacyStore(root);
    }

    public Path root() {
        return root;
    }

    /** Every snapshot, newest first (by created_at, then id, as chkpt lists them), and what could not be read. */
    public Snapshots snapshots() throws StoreException {
        var found = new ArrayList<LegacySnapshot>();
        var problems = new ArrayList<StoreException>();
        Path folder = root.resolve("snapshots");
        if (!Files.isDirectory(folder)) {
            return new Snapshots(List.of(), List.of());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                try {
                    if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        throw new StoreException(ProblemKind.UNREADABLE, f, StoreException.NO_OFFSET, "is not a file");
                    }
                    found.add(LegacySnapshot.parse(Files.readAllBytes(f), f));
                } catch (StoreException e) {
                    problems.add(e);
                } catch (IOException e) {
                    problems.add(new StoreException(ProblemKind.UNREADABLE, f, StoreException.NO_OFFSET, "cannot be read (" + e.getMessage() + ")", e));
                }
            }
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, folder, StoreException.NO_OFFSET, "cannot be listed (" + e.getMessage() + ")", e);
        }
        found.sort(Comparator.comparing((LegacySnapshot s) -> OffsetDateTime.parse(s.createdAt()).toInstant()).reversed()
                .thenComparing(LegacySnapshot::id, Comparator.reverseOrder()));
        problems.sort(Comparator.comparing(e -> e.file().toString()));
        return new Snapshots(List.copyOf(found), List.copyOf(problems));
    }

    /**
     * The snapshot {@code ref} names: {@code latest} (the newest), a full id, or a unique prefix of
     * one, as chkpt 0.1.x's restore takes them.
     *
     * @throws IllegalArgumentException if none matches, or several (up to five are named)
     */
    public LegacySnapshot resolve(String ref) throws StoreException {
        List<LegacySnapshot> all = snapshots().snapshots();
        if (ref.equals("latest")) {
            if (all.isEmpty()) {
                throw new IllegalArgumentException("the store has no snapshots, so no 'latest'");
            }
            return all.getFirst();
        }
        List<LegacySnapshot> matching = all.stream().filter(s -> s.id().equals(ref)).toList();
        if (matching.isEmpty()) {
            matching = all.stream().filter(s -> s.id().startsWith(ref)).toList();
        }
        if (matching.size() == 1) {
            return matching.getFirst();
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no snapshot '" + ref + "' in this store of chkpt 0.1.x");
        }
        throw new IllegalArgumentException("'" + ref + "' is the start of " + matching.size() + " snapshots: "
                + String.join(", ", matching.stream().limit(5).map(LegacySnapshot::id).toList()) + (matching.size() > 5 ? ", ..." : ""));
    }

    /** The bytes of {@code objects/} (what the store's content takes on disk). */
    public long objectBytes() throws IOException {
        Path objects = root.resolve("objects");
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (var all = Files.walk(objects)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** The tree file of {@code id}. */
    public Path treeFile(LegacyId id) {
        return root.resolve("trees").resolve(id.fanOut());
    }

    /** The object file of {@code id}. */
    public Path objectFile(LegacyId id) {
        return root.resolve("objects").resolve(id.fanOut());
    }

    /**
     * Up to {@code limit} ids of objects whose files are under {@code objects/} and whose hex
     * starts with {@code prefix} (lower case), in id order.
     */
    public List<LegacyId> objectsStartingWith(String prefix, int limit) throws IOException {
        var found = new java.util.TreeSet<LegacyId>();
        Path objects = root.resolve("objects");
        if (!Files.isDirectory(objects, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (DirectoryStream<Path> fans = Files.newDirectoryStream(objects)) {
            for (Path fan : fans) {
                String two = fan.getFileName().toString();
                if (two.length() != 2 || !(two.startsWith(prefix) || prefix.startsWith(two)) || !Files.isDirectory(fan, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(fan)) {
                    for (Path f : files) {
                        String hex = two + f.getFileName();
                        if (hex.startsWith(prefix) && hex.length() == 2 * LegacyId.BYTES && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            try {
                                found.add(LegacyId.parse(hex));
                            } catch (IllegalArgumentException notAnId) {
                                // a stray file (chkpt's temp files are named so): not an object
                            }
                        }
                    }
                }
            }
        }
        return found.stream().limit(limit).toList();
    }

    /** The object {@code id} where it is on disk, or null when it has no readable file (gc removed it, or it is not a file). */
    public LooseObject locate(LegacyId id) {
        Path file = objectFile(id);
        try {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? new LooseObject(id, file, a.size()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The tree {@code id}, decoded, once its bytes are found to hash to its id.
     *
     * @throws StoreException {@link ProblemKind#TREE_MISSING}, {@link ProblemKind#TREE_HASH_MISMATCH}
     *     or what {@link LegacyTree#decode} refuses
     */
    public LegacyTree tree(LegacyId id) throws StoreException {
        Path file = treeFile(id);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StoreException(ProblemKind.TREE_MISSING, file, StoreException.NO_OFFSET, "tree " + id + " is missing");
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "cannot be read (" + e.getMessage() + ")", e);
        }
        LegacyId actual = Blake3.of(bytes);
        if (!actual.equals(id)) {
            throw new StoreException(ProblemKind.TREE_HASH_MISMATCH, file, StoreException.NO_OFFSET,
                    "tree " + id + " hashes to " + actual + " (damaged)");
        }
        return LegacyTree.decode(bytes, file);
    }
}
