package dev.packinspector.workspace;

import dev.packinspector.Errors;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Xxh3;
import dev.packinspector.store.tree.StatCache;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A workspace folder as chkpt's next save would record it (scanner/walker.rs, save.rs): its files
 * and symlinks (not followed; folders only as their ancestors; special files left out), minus what
 * {@link ChkptRules} leaves out, each as a manifest row: path ('/'-separated, ill-formed UTF-8
 * replaced as Rust's {@code to_string_lossy} does), XXH3-128 of the content (of the link's target
 * for a symlink), size and full {@code st_mode} from {@code lstat}. Rows are sorted by path bytewise,
 * as the catalog sorts them. A file that cannot be read gets a row with its problem and no id.
 * A file's id comes from chkpt's stat cache where chkpt's save would take it from there (size,
 * mtime, inode and mode unchanged: {@link StatCache#unchanged}); every other file is hashed.
 */
public final class WorkspaceScan {
    private WorkspaceScan() {
    }

    /**
     * Where a scan takes ids from before it hashes a file: chkpt's stat cache ({@link StatCache#unchanged}),
     * or what an earlier scan hashed; told of each file's stat and id as it is scanned.
     */
    public interface Ids {
        /** The id of {@code path} if its stat is what it was when that id was taken, else null. */
        ObjectId unchanged(String path, long size, long mtimeSeconds, long mtimeNanos, long inode, long mode);

        /** {@code path} had this stat and id in this scan. */
        default void seen(String path, long size, long mtimeSeconds, long mtimeNanos, long inode, long mode, ObjectId id) {
        }
    }

    /** The rows of {@code workspace} (a folder) under {@code rules}, ids taken from {@code cache} where chkpt would. */
    public static List<ManifestEntry> of(Path workspace, ChkptRules rules, StatCache cache) throws IOException {
        Path root = workspace.toRealPath();
        var rows = new ArrayList<ManifestEntry>();
        walk(root, root, rules, cache::unchanged, rows::add, folder -> { });
        sort(rows);
        return rows;
    }

    /**
     * Scans {@code from} (the physical {@code root} or a folder beneath it) and everything beneath it
     * that {@code rules} keep, giving each file's or link's row to {@code rows} and each folder's
     * path (below {@code from}, and {@code from} itself unless it is the root) to {@code folders}.
     */
    static void walk(Path root, Path from, ChkptRules rules, Ids ids, Consumer<ManifestEntry> rows, Consumer<String> folders) throws IOException {
        Files.walkFileTree(from, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = relative(root, dir);
                if (rules.ignored(path, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.accept(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                ManifestEntry row = entry(root, file, attrs, rules, ids);
                if (row != null) {
                    rows.accept(row);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                rows.accept(new ManifestEntry(relative(root, file), null, 0, 0, Errors.sentence(e)));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The row of one entry the walk found, or null if a save leaves it out (by the rules, or as no file or link). */
    static ManifestEntry entry(Path root, Path file, BasicFileAttributes attrs, ChkptRules rules, Ids ids) {
        String path = relative(root, file);
        if (attrs.isSymbolicLink()) {
            return rules.ignored(path, false) || rules.ignored(path, true) ? null : row(file, path, attrs, true, ids);
        }
        return attrs.isRegularFile() && !rules.ignored(path, false) ? row(file, path, attrs, false, ids) : null;
    }

    /** Sorts rows as the catalog sorts them: by path, bytewise. */
    static void sort(List<ManifestEntry> rows) {
        // UTF-16 order is code point order unless a path holds a character beyond the BMP
        boolean bmpOnly = rows.stream().allMatch(r -> r.path().chars().noneMatch(c -> Character.isSurrogate((char) c)));
        rows.sort(bmpOnly ? Comparator.comparing(ManifestEntry::path) : Comparator.comparing(ManifestEntry::path, WorkspaceScan::compareUtf8));
    }

    private static ManifestEntry row(Path file, String path, BasicFileAttributes attrs, boolean link, Ids ids) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:mode,ino", LinkOption.NOFOLLOW_LINKS);
            long mode = ((Number) unix.get("mode")).longValue();
            long inode = ((Number) unix.get("ino")).longValue();
            Instant mtime = attrs.lastModifiedTime().toInstant();
            ObjectId id = ids.unchanged(path, attrs.size(), mtime.getEpochSecond(), mtime.getNano(), inode, mode);
            if (id == null) {
                id = link ? ObjectId.of(linkTarget(file)) : contentId(file);
            }
            ids.seen(path, attrs.size(), mtime.getEpochSecond(), mtime.getNano(), inode, mode, id);
            return new ManifestEntry(path, id, attrs.size(), mode, null);
        } catch (IOException e) {
            return new ManifestEntry(path, null, attrs.size(), 0, Errors.sentence(e));
        }
    }

    private static ObjectId contentId(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS); Arena arena = Arena.ofConfined()) {
            return Xxh3.idOf(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
        }
    }

    /**
     * What {@code file}, the folder's file of row {@code row}, holds now: a link's target, or at most
     * {@code most} bytes of a file (not through a link): one byte over a limit tells that it is over.
     */
    public static byte[] readUpTo(Path file, ManifestEntry row, int most) throws IOException {
        if ((row.mode() & 0170000) == 0120000) {
            return linkTarget(file);
        }
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(most);
        }
    }

    /** The bytes of a symlink's target, as {@code readlink} gives them. */
    static byte[] linkTarget(Path link) throws IOException {
        Path target = Files.readSymbolicLink(link);
        String text = target.toString();
        if (text.indexOf('\uFFFD') < 0) {
            return text.getBytes(StandardCharsets.UTF_8); // Java decoded it without a loss
        }
        // ill-formed UTF-8: the bytes, from the URI of the target put under the root folder
        byte[] bytes = ChkptHome.bytesOf(target.isAbsolute() ? target : Path.of("/").resolve(target));
        return target.isAbsolute() ? bytes : Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    /** The path of {@code p} under {@code root} as chkpt records it. */
    static String relative(Path root, Path p) {
        String text = root.relativize(p).toString();
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        byte[] all = ChkptHome.bytesOf(p);
        int prefix = ChkptHome.bytesOf(root).length + 1;
        return Utf8Lossy.decode(Arrays.copyOfRange(all, prefix, all.length));
    }

    /** Bytewise UTF-8 order (SQLite's and Rust's), which for Java strings is code point order. */
    static int compareUtf8(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
