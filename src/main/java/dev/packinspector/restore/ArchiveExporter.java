package dev.packinspector.restore;

import dev.packinspector.Sizes;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoredObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes restore items of a store of either format ({@link ObjectSource}) into one archive
 * instead of a folder: {@code .zip}, {@code .tar} or {@code .tar.gz}/{@code .tgz}, chosen by the file name. Tar keeps permission bits and symlinks
 * (as links); zip keeps them in its Unix extra fields. Each object is decoded and checked against
 * its id and recorded size before any of it is written, so the archive holds only verified
 * content; entries the restore engine would refuse (unsafe paths, device modes, duplicates,
 * paths beneath a link of the archive, unusable rows, missing or damaged objects) are left out
 * and listed. The archive is written to a temp file beside it and renamed into place when
 * complete, so a cancelled or failed export leaves nothing under the final name; it gets the mode
 * any new file of the user gets (0666 less the umask). Not thread-safe.
 */
public final class ArchiveExporter {
    /** The archive kinds, by file name. */
    public enum Format {
        ZIP, TAR, TAR_GZ;

        /** The format {@code file}'s name asks for. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                return ZIP;
            }
            if (name.endsWith(".tar")) {
                return TAR;
            }
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return TAR_GZ;
            }
            throw new IllegalArgumentException("cannot tell the archive format of " + file.getFileName() + ": name it .zip, .tar, .tar.gz or .tgz");
        }
    }

    /** What an export wrote and what it left out. */
    public record Result(Path archive, int files, long bytes, List<RestoreProblem> refused) {
        public Result {
            refused = List.copyOf(refused);
        }
    }

    private final ObjectSource source;
    private final ObjectSource.Decoder decoder;
    private final FreeSpace room;

    public ArchiveExporter(PackSet packs) {
        this(new PackObjects(packs), FreeSpace.SYSTEM);
    }

    /** An exporter of a current store's objects that learns the room on the archive's disk from {@code room} (tests give a "full" one). */
    public ArchiveExporter(PackSet packs, FreeSpace room) {
        this(new PackObjects(packs), room);
    }

    /** An exporter of the objects of {@code source}, a store of either format. */
    public ArchiveExporter(ObjectSource source, FreeSpace room) {
        this.source = source;
        this.decoder = source.decoder();
        this.room = room;
    }

    /**
     * Writes {@code items} into {@code archive}, which must not exist (unless {@code replace}) and
     * must lie outside the store. Every entry gets the time {@code modified} (the snapshot's, so
     * the same export gives the same archive). {@code bytesDone} hears the content bytes written so far;
     * {@code cancelled} is polled between and within entries.
     *
     * @throws CancellationException when cancelled (the temp file is removed)
     * @throws NoRoomException before writing anything, when a plain tar (whose size is known in
     *     advance: at least its contents) cannot fit on the archive's disk. A zip or gzipped tar is
     *     smaller by as much as its contents compress, which is not known until written: one that runs
     *     out of room fails, and its temp file is removed.
     */
    public Result export(List<RestoreItem> items, Path archive, boolean replace, Instant modified, BooleanSupplier cancelled,
            LongConsumer bytesDone) throws IOException {
        Format format = Format.of(archive);
        Path absolute = archive.toAbsolutePath().normalize();
        if (!replace && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "already exists (choose another name, or replace it)");
        }
        source.refuseInside(absolute.getParent());
        var refused = new ArrayList<RestoreProblem>();
        List<RestoreItem> kept = admissible(items, refused);
        if (format == Format.TAR) {
            refuseWithoutRoom(kept, absolute);
        }
        Files.createDirectories(absolute.getParent());
        // a plain new file's mode (createTempFile's would be 0600): the archive is the user's, as any file they save
        Path temp = SavedFiles.tempBeside(absolute);
        int files = 0;
        long[] bytes = {0};
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                    ArchiveOutputStream<?> out = open(format, file)) {
                FileTime time = FileTime.from(modified);
                for (String folder : folders(kept)) {
                    putFolder(out, format, folder, time);
                }
                for (RestoreItem item : kept) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("export cancelled");
                    }
                    byte[] small = null;
                    long length;
                    StoredObject at = source.locate(item.id());
                    try {
                        if (at == null) {
                            throw new StoreException(ProblemKind.OBJECT_NOT_FOUND, null, StoreException.NO_OFFSET, source.notFound(item.id()));
                        }
                        if (item.symlink()) {
                            small = decoder.read(item, at);
                            length = small.length;
                        } else {
                            length = decoder.check(item, at, cancelled);
                        }
                    } catch (ObjectSource.Cancelled c) {
                        throw new CancellationException("export cancelled");
                    } catch (StoreException e) {
                        refused.add(new RestoreProblem(item.path(), item.id(), e.kind(), e.getMessage()));
                        continue;
                    }
                    put(out, format, new Entry(item, length, small, at, time), cancelled, n -> bytesDone.accept(bytes[0] + n));
                    bytes[0] += length;
                    files++;
                    bytesDone.accept(bytes[0]);
                }
                out.finish();
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Result(absolute, files, bytes[0], refused);
    }

    /** The items an archive may hold, in path order; the others go to {@code refused} with the reason. */
    static List<RestoreItem> admissible(List<RestoreItem> items, List<RestoreProblem> refused) {
        var links = new HashSet<String>();
        for (RestoreItem item : items) {
            if (item.symlink()) {
                links.add(item.path());
            }
        }
        var seen = new HashSet<String>();
        var kept = new ArrayList<RestoreItem>();
        for (RestoreItem item : items.stream().sorted(java.util.Comparator.comparing(RestoreItem::path)).toList()) {
            String why = item.problem() != null ? "the catalog row is unusable (" + item.problem() + ")"
                    : SafePaths.problem(item.path()) != null ? SafePaths.problem(item.path())
                    : item.unsupportedType() != null ? "its mode says " + item.unsupportedType() + ", which chkpt does not save"
                    : !seen.add(item.path()) ? "the path is listed twice; the first is kept"
                    : beneathLink(item.path(), links) ? "it lies beneath a symlink of the same archive, which an unpacker would follow"
                    : null;
            if (why != null) {
                refused.add(new RestoreProblem(item.path(), item.id(), ProblemKind.UNSAFE_PATH, why));
            } else {
                kept.add(item);
            }
        }
        return kept;
    }

    private static boolean beneathLink(String path, Set<String> links) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (links.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> folders(List<RestoreItem> items) {
        var folders = new TreeSet<String>();
        for (RestoreItem item : items) {
            for (int slash = item.path().indexOf('/'); slash >= 0; slash = item.path().indexOf('/', slash + 1)) {
                folders.add(item.path().substring(0, slash));
            }
        }
        return folders;
    }

    /** Refuses a tar of {@code items} at {@code archive} when its disk has less room than their contents. */
    private void refuseWithoutRoom(List<RestoreItem> items, Path archive) throws IOException {
        long needed = 0;
        for (RestoreItem item : items) {
            needed += Math.max(0, item.size());
        }
        RestorePlan.Space space = RestorePlan.Space.measure(archive.getParent(), room, needed);
        if (!space.fits()) {
            throw new NoRoomException("the archive's file system (at " + space.measuredAt() + ") has " + Sizes.bytes(space.usableBytes())
                    + " free but this tar needs at least " + Sizes.bytes(needed)
                    + "; free some space, choose a folder on another disk, or choose .tar.gz or .zip to compress it");
        }
    }

    private static ArchiveOutputStream<?> open(Format format, OutputStream file) throws IOException {
        return switch (format) {
            case ZIP -> new ZipArchiveOutputStream(file);
            case TAR, TAR_GZ -> {
                var tar = new TarArchiveOutputStream(format == Format.TAR_GZ ? new GZIPOutputStream(file, 1 << 16) : file,
                        StandardCharsets.UTF_8.name());
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                yield tar;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void putFolder(ArchiveOutputStream<?> out, Format format, String folder, FileTime time) throws IOException {
        if (format == Format.ZIP) {
            var entry = new ZipArchiveEntry(folder + "/");
            entry.setUnixMode(040755);
            entry.setLastModifiedTime(time);
            ((ArchiveOutputStream<ZipArchiveEntry>) out).putArchiveEntry(entry);
        } else {
            var entry = new TarArchiveEntry(folder + "/");
            entry.setMode(040755);
            entry.setLastModifiedTime(time);
            ((ArchiveOutputStream<TarArchiveEntry>) out).putArchiveEntry(entry);
        }
        out.closeArchiveEntry();
    }

    /** One verified item to write: its content length, its link target if it is a link, where its object is, and its time. */
    private record Entry(RestoreItem item, long length, byte[] linkTarget, StoredObject at, FileTime time) {
    }

    @SuppressWarnings("unchecked")
    private void put(ArchiveOutputStream<?> out, Format format, Entry e, BooleanSupplier cancelled, LongConsumer written) throws IOException {
        RestoreItem item = e.item();
        long length = e.length();
        byte[] linkTarget = e.linkTarget();
        int permissions = item.permissions() < 0 ? 0644 : item.permissions();
        if (format == Format.ZIP) {
            var entry = new ZipArchiveEntry(item.path());
            entry.setUnixMode((item.symlink() ? 0120000 : 0100000) | permissions);
            entry.setSize(length);
            entry.setLastModifiedTime(e.time());
            ((ArchiveOutputStream<ZipArchiveEntry>) out).putArchiveEntry(entry);
        } else if (item.symlink()) {
            var entry = new TarArchiveEntry(item.path(), TarConstants.LF_SYMLINK);
            entry.setLinkName(new String(linkTarget, StandardCharsets.UTF_8));
            entry.setMode(0120000 | permissions);
            entry.setLastModifiedTime(e.time());
            ((ArchiveOutputStream<TarArchiveEntry>) out).putArchiveEntry(entry);
        } else {
            var entry = new TarArchiveEntry(item.path());
            entry.setMode(0100000 | permissions);
            entry.setSize(length);
            entry.setLastModifiedTime(e.time());
            ((ArchiveOutputStream<TarArchiveEntry>) out).putArchiveEntry(entry);
        }
        if (linkTarget != null) {
            if (format == Format.ZIP) {
                out.write(linkTarget);
            }
        } else {
            try {
                decoder.copy(e.at(), new java.io.FilterOutputStream(out) {
                    private long done;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        done += len;
                        written.accept(done);
                    }
                }, cancelled);
            } catch (ObjectSource.Cancelled c) {
                throw new CancellationException("export cancelled");
            }
        }
        out.closeArchiveEntry();
    }
}
