package dev.packinspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** For tests that prove a store is never touched: its fingerprint, a writable copy of it, and making it read-only. */
public final class StoreFingerprint {
    private StoreFingerprint() {
    }

    /** Path -> size, mtime and SHA-256 of every file, and mtime of every folder, in the store. */
    public static Map<String, String> of(Path store) throws IOException {
        var out = new TreeMap<String, String>();
        try (var files = Files.walk(store)) {
            for (Path p : files.toList()) {
                String key = store.relativize(p).toString();
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                out.put(key, Files.isRegularFile(p) ? Files.size(p) + " " + mtime + " " + Fixtures.sha256(Files.readAllBytes(p)) : "dir " + mtime);
            }
        }
        return out;
    }

    /** A copy of {@code from} at {@code to}, its files writable. */
    public static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                    dest.toFile().setWritable(true);
                }
            }
        }
        return to;
    }

    /** Takes write permission from every file and folder of the store ({@code writable} gives it back). */
    public static void setReadOnly(Path store, boolean readOnly) throws IOException {
        try (var files = Files.walk(store)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                String mode = readOnly ? (Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--") : "rwxr-xr-x";
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
            }
        }
    }
}
