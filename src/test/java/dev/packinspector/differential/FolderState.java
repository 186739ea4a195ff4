package dev.packinspector.differential;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a folder holds, as chkpt would see it: every file and symlink by relative '/'-separated path
 * with its content's SHA-256 and chkpt id, size, full {@code st_mode} and link target; and every
 * folder (empty ones too, which chkpt does not store). Anything else (a fifo) is listed as
 * {@link Kind#OTHER}. Immutable.
 */
record FolderState(SortedMap<String, Entry> entries, SortedSet<String> folders) {
    enum Kind { FILE, SYMLINK, OTHER }

    /** One file or link; for a link, size, hashes and id are those of the target text, as chkpt stores it. */
    record Entry(Kind kind, long size, int mode, String sha256, ObjectId id, String linkTarget) {
        int permissions() {
            return mode & 07777;
        }

        /** Same kind and content (bytes, or link target), whatever the mode. */
        boolean sameContent(Entry other) {
            return kind == other.kind && size == other.size && sha256.equals(other.sha256);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case FILE -> "file " + Integer.toOctalString(permissions()) + " " + size + " B sha256 " + sha256.substring(0, 12);
                case SYMLINK -> "symlink -> " + Shown.path(linkTarget);
                case OTHER -> "not a file or link (mode " + Integer.toOctalString(mode) + ")";
            };
        }
    }

    FolderState {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        folders = Collections.unmodifiableSortedSet(new TreeSet<>(folders));
    }

    static FolderState scan(Path root) throws IOException {
        var entries = new TreeMap<String, Entry>();
        var folders = new TreeSet<String>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    folders.add(relative(root, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                entries.put(relative(root, file), entry(file, attrs));
                return FileVisitResult.CONTINUE;
            }
        });
        return new FolderState(entries, folders);
    }

    private static Entry entry(Path file, BasicFileAttributes attrs) throws IOException {
        int mode = Workspace.mode(file);
        if (attrs.isSymbolicLink()) {
            String target = Files.readSymbolicLink(file).toString();
            byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
            return new Entry(Kind.SYMLINK, bytes.length, mode, sha256(bytes), ObjectId.of(bytes), target);
        }
        if (attrs.isRegularFile()) {
            return new Entry(Kind.FILE, attrs.size(), mode, sha256(file), Xxh3.idOfFile(file), null);
        }
        return new Entry(Kind.OTHER, 0, mode, "", null, null);
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString();
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest d = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
