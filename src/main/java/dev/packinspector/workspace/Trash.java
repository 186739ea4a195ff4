package dev.packinspector.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The desktop trash of the freedesktop.org Trash specification 1.0, as file managers (Nautilus,
 * Dolphin, Thunar) read it: a file on the home trash's file system goes to
 * {@code $XDG_DATA_HOME/Trash} (default {@code ~/.local/share/Trash}); one on another file system
 * goes to that volume's {@code $topdir/.Trash/$uid} where the administrator made it (a folder with
 * the sticky bit, not a link), else to {@code $topdir/.Trash-$uid}. Each item gets its
 * {@code info/NAME.trashinfo} (created first, exclusively, so two writers never share a name)
 * with its original path percent-encoded and the local deletion time, then is renamed to
 * {@code files/NAME}: a rename, so nothing is copied and an item is whole in one place or the
 * other. {@link #keepCopy} links a file that is about to be replaced into the trash, so its old
 * content can be restored from there. Never deletes anything. Thread-safe.
 */
public final class Trash {
    private static final DateTimeFormatter DELETION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    private final Path homeTrash;
    private final long uid;
    /** The trash folder chosen for each device, once found. */
    private final Map<Object, Path> byDevice = new HashMap<>();

    /** A trash whose home trash is {@code homeTrash} (its {@code files} and {@code info} made when first needed), for the user {@code uid}. */
    public Trash(Path homeTrash, long uid) {
        this.homeTrash = homeTrash.toAbsolutePath().normalize();
        this.uid = uid;
    }

    /** Where a trash comes from when it is needed (the window's is the process's; tests give their own). */
    @FunctionalInterface
    public interface Source {
        Trash get() throws IOException;
    }

    /** The trash of this process's user: {@code $XDG_DATA_HOME/Trash} if that is set and absolute, else {@code $HOME/.local/share/Trash}. */
    public static Trash ofThisProcess() throws IOException {
        String data = System.getenv("XDG_DATA_HOME");
        Path base;
        if (data != null && data.startsWith("/")) {
            base = Path.of(data);
        } else {
            String home = System.getenv("HOME");
            base = Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".local", "share");
        }
        // /proc/self belongs to the process's user: Java has no getuid()
        long uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        return new Trash(base.resolve("Trash"), uid);
    }

    public Path homeTrash() {
        return homeTrash;
    }

    /** Where a trashed item went: its name in {@code files/} of {@code folder}, and the info file written for it. */
    public record Item(Path folder, String name) {
        public Path file() {
            return folder.resolve("files").resolve(name);
        }

        public Path info() {
            return folder.resolve("info").resolve(name + ".trashinfo");
        }
    }

    /** Moves {@code path} (a file, link or folder; not followed) into the trash of its file system. */
    public Item moveIn(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Item item = reserve(absolute);
        try {
            Files.move(absolute, item.file(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(item.info());
            throw e;
        }
        return item;
    }

    /**
     * Puts a second name for {@code file} (a file or link about to be replaced) in the trash, so
     * its content stays there when a new file is renamed over it. A hard link where the file system
     * has them, else a copy. Returns null if there is no file at {@code file}.
     */
    public Item keepCopy(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Item item = reserve(absolute);
        try {
            try {
                Files.createLink(item.file(), absolute);
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                Files.copy(absolute, item.file(), LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(item.info());
            throw e;
        }
        return item;
    }

    /** Picks a free name in the right trash folder and writes its info file; the item itself is not there yet. */
    private Item reserve(Path absolute) throws IOException {
        Path folder = folderFor(absolute);
        // the home trash names a file by its absolute path; a volume's trash relative to the volume's top
        byte[] originalBytes = folder.equals(homeTrash) ? ChkptHome.bytesOf(absolute) : relativeBytes(topdirOf(absolute), absolute);
        String info = "[Trash Info]\nPath=" + escape(originalBytes) + "\nDeletionDate=" + LocalDateTime.now().format(DELETION_DATE) + "\n";
        String base = fitting(absolute.getFileName().toString());
        for (int n = 1;; n++) {
            String name = n == 1 ? base : stem(base) + "." + n + extension(base);
            Item item = new Item(folder, name);
            if (Files.exists(item.file(), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            // written whole under a temp name, then linked to its own: a new link fails if the name is taken, and
            // a killed run leaves no empty info file, only a temp one that the next run removes
            Path temp = folder.resolve("info").resolve(".pack-inspector-" + Long.toString(RANDOM.nextLong() >>> 1, 36) + ".tmp");
            Files.write(temp, info.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.createLink(item.info(), temp);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException | UnsupportedOperationException e) {
                // a file system without hard links: created exclusively and written, as the spec has it
                try {
                    Files.write(item.info(), info.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
            } finally {
                Files.delete(temp);
            }
            if (Files.exists(item.file(), LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(item.info()); // an item without info was already there: take another name
                continue;
            }
            return item;
        }
    }

    private static byte[] relativeBytes(Path topdir, Path absolute) {
        byte[] all = ChkptHome.bytesOf(absolute);
        int prefix = topdir.getNameCount() == 0 ? 1 : ChkptHome.bytesOf(topdir).length + 1;
        return java.util.Arrays.copyOfRange(all, prefix, all.length);
    }

    /** The trash folder for a path on the file system of its parent, its {@code files} and {@code info} made. */
    private synchronized Path folderFor(Path absolute) throws IOException {
        Object device = Files.getAttribute(absolute.getParent(), "unix:dev");
        Path known = byDevice.get(device);
        if (known != null) {
            return known;
        }
        Path folder;
        if (device.equals(deviceOfNearest(homeTrash))) {
            folder = homeTrash;
        } else {
            Path topdir = topdirOf(absolute);
            Path admin = topdir.resolve(".Trash");
            if (Files.isDirectory(admin, LinkOption.NOFOLLOW_LINKS) && sticky(admin)) {
                folder = admin.resolve(Long.toString(uid));
            } else {
                folder = topdir.resolve(".Trash-" + uid);
            }
        }
        for (String sub : new String[] {"files", "info"}) {
            Path dir = folder.resolve(sub);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        }
        removeTempFiles(folder.resolve("info"));
        byDevice.put(device, folder);
        return folder;
    }

    /**
     * Removes the temp info files killed runs left (only this class writes files of that shape
     * there), once they are a minute old: a temp file of a rollback running beside this one lives
     * for a moment only.
     */
    private static void removeTempFiles(Path info) throws IOException {
        long old = System.currentTimeMillis() - 60_000;
        try (var temps = Files.newDirectoryStream(info, ".pack-inspector-*.tmp")) {
            for (Path t : temps) {
                if (Files.getLastModifiedTime(t, LinkOption.NOFOLLOW_LINKS).toMillis() < old) {
                    Files.deleteIfExists(t);
                }
            }
        }
    }

    private static boolean sticky(Path dir) throws IOException {
        int mode = ((Number) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
        return (mode & 01000) != 0;
    }

    private static Object deviceOfNearest(Path path) throws IOException {
        Path p = path;
        while (!Files.exists(p)) {
            p = p.getParent();
        }
        return Files.getAttribute(p, "unix:dev");
    }

    /** The top folder of the file system {@code absolute}'s parent is on: its mount point. */
    static Path topdirOf(Path absolute) throws IOException {
        Path p = absolute.getParent().toRealPath();
        Object device = Files.getAttribute(p, "unix:dev");
        while (p.getParent() != null && device.equals(Files.getAttribute(p.getParent(), "unix:dev"))) {
            p = p.getParent();
        }
        return p;
    }

    /** The spec's percent-encoding of a path: every byte but an unreserved character or '/'. */
    static String escape(byte[] path) {
        var out = new StringBuilder(path.length);
        for (byte b : path) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /**
     * {@code name}, cut to leave room in a 255-byte file name for ".trashinfo" and a number that
     * makes it unique: the trash's name of an item need not be its own (the info file says where
     * it came from and under which name).
     */
    static String fitting(String name) {
        int room = 255 - ".trashinfo".length() - ".9999".length();
        if (name.getBytes(StandardCharsets.UTF_8).length <= room) {
            return name;
        }
        var out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            String c = new String(Character.toChars(name.codePointAt(i)));
            bytes += c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > room) {
                break;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
