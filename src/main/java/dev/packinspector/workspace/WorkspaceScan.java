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

    /** The rows of {@code workspace} (a folder) under {@code rules}, ids taken from {@code cache} where chkpt would. */
    public static List<ManifestEntry> of(Path workspace, ChkptRules rules, StatCache cache) throws IOException {
        Path root = workspace.toRealPath();
        var rows = new ArrayList<ManifestEntry>();
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !rules.ignored(relative(root, dir), true) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    if (!rules.ignored(path, false) && !rules.ignored(path, true)) {
                        rows.add(row(file, path, attrs, true, cache));
                    }
                } else if (attrs.isRegularFile() && !rules.ignored(path, false)) {
                    rows.add(row(file, path, attrs, false, cache));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                rows.add(new ManifestEntry(relative(root, file), null, 0, 0, Errors.sentence(e)));
                return FileVisitResult.CONTINUE;
            }
        });
        // UTF-16 order is code point order unless a path holds a character beyond the BMP
        boolean bmpOnly = rows.stream().allMatch(r -> r.path().chars().noneMatch(c -> Character.isSurrogate((char) c)));
        rows.sort(bmpOnly ? Comparator.comparing(ManifestEntry::path) : Comparator.comparing(ManifestEntry::path, WorkspaceScan::compareUtf8));
        return rows;
    }

    private static ManifestEntry row(Path file, String path, BasicFileAttributes attrs, boolean link, StatCache cache) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:mode,ino", LinkOption.NOFOLLOW_LINKS);
            long mode = ((Number) unix.get("mode")).longValue();
            Instant mtime = attrs.lastModifiedTime().toInstant();
            ObjectId id = cache.unchanged(path, attrs.size(), mtime.getEpochSecond(), mtime.getNano(), ((Number) unix.get("ino")).longValue(), mode);
            if (id == null) {
                id = link ? ObjectId.of(linkTarget(file)) : contentId(file);
            }
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
