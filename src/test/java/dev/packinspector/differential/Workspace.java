package dev.packinspector.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A workspace folder that a scenario's edits are applied to. Every written file and link gets an
 * explicit mtime (2026-01-01 + 1 h per save + 1 ms per write, as {@code real-store.py} does), so
 * chkpt's (mtime, size, inode, mode) cache can never take a changed file for an unchanged one.
 * Folders get the default mode: chkpt does not store folder modes.
 */
final class Workspace {
    private static final long T0_SECONDS = 1_767_225_600L;
    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private final Path root;
    private int touches;

    Workspace(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    /** Applies the edits made before save number {@code save} (1-based). */
    void apply(Round round, int save) throws IOException {
        for (Edit e : round.edits()) {
            try {
                apply(e, save);
            } catch (IOException | RuntimeException failure) {
                throw new IOException("cannot apply " + e + " before save " + save, failure);
            }
        }
    }

    private void apply(Edit edit, int save) throws IOException {
        switch (edit) {
            case Edit.Write w -> {
                Path p = at(w.path());
                makeParents(p);
                boolean inPlace = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (mode(p) & 0200) != 0;
                if (!inPlace) {
                    Files.deleteIfExists(p);
                }
                Files.write(p, w.content(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                Files.setPosixFilePermissions(p, permissions(w.mode()));
                touch(p, save);
            }
            case Edit.Link l -> {
                Path p = at(l.path());
                makeParents(p);
                Files.deleteIfExists(p);
                Files.createSymbolicLink(p, Path.of(l.target()));
                touch(p, save);
            }
            case Edit.Mkdir m -> {
                Path p = at(m.path());
                makeParents(p);
                Files.createDirectory(p);
            }
            case Edit.Delete d -> deleteTree(at(d.path()));
            case Edit.Rename r -> {
                Path to = at(r.to());
                makeParents(to);
                Files.move(at(r.from()), to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            case Edit.Chmod c -> Files.setPosixFilePermissions(at(c.path()), permissions(c.mode()));
        }
    }

    /** The full {@code st_mode} of {@code p}, not following a link. */
    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static Set<PosixFilePermission> permissions(int bits) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(BY_BIT[i]);
            }
        }
        return set;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private Path at(String relative) {
        Path p = root;
        for (String part : relative.split("/", -1)) {
            p = p.resolve(part);
        }
        return p;
    }

    private void makeParents(Path p) throws IOException {
        Path parent = p.getParent();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            makeParents(parent);
            Files.createDirectory(parent);
        }
    }

    private void touch(Path p, int save) throws IOException {
        touches++;
        FileTime t = FileTime.fromMillis((T0_SECONDS + 3600L * save) * 1000 + touches);
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(t, t, null);
    }
}
