package dev.packinspector.restore;

import dev.packinspector.store.BlockTarget;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Writes one object to a file or link in the target: decoded into a temp file beside it,
 * verified (its XXH3-128 must be its id, its length the recorded size), given its permissions,
 * then renamed into place, so a final name only ever holds complete, verified content. Objects up
 * to {@value #WHOLE_LIMIT} bytes are decoded whole into direct memory, hashed there and written
 * with one call; larger ones stream. One per worker thread: not thread-safe.
 */
final class ObjectFileWriter {
    static final int WHOLE_LIMIT = 32 << 20;
    private static final int MAX_LINK_TARGET = 4096;
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final ObjectReader reader = new ObjectReader();
    /** Told of each file before a new one is renamed over it; null for none. */
    private final Restorer.Replaced replaced;
    /** Made on the first file (a writer of links never needs it): direct memory is zeroed when allocated. */
    private ByteBuffer buffer;

    ObjectFileWriter(Restorer.Replaced replaced) {
        this.replaced = replaced;
    }

    /** Thrown when the restore was cancelled mid-object (the temp file is already gone). */
    static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Writes a regular file; returns the content bytes written. */
    long writeFile(RestoreItem item, ObjectLocation at, Path file, BooleanSupplier cancelled) throws IOException {
        Path temp = TempFiles.next(file.getParent());
        var out = new Collector(item, temp, cancelled);
        try {
            reader.decode(at, out);
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            ObjectId actual = out.finish();
            check(item, at, actual, out.produced);
            if (item.permissions() >= 0 && !out.createdWithMode) {
                Files.setPosixFilePermissions(temp, PosixModes.permissions(item.permissions()));
            }
            moveInPlace(temp, file);
            return out.produced;
        } catch (IOException | RuntimeException e) {
            out.closeQuietly();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Creates a symlink whose target is the object's content. */
    long writeLink(RestoreItem item, ObjectLocation at, Path file) throws IOException {
        if (item.size() > MAX_LINK_TARGET || at.compressedSize() > 2L * MAX_LINK_TARGET + 64) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET,
                    "symlink target is longer than " + MAX_LINK_TARGET + " bytes");
        }
        byte[] content = reader.readAll(at);
        check(item, at, ObjectId.of(content), content.length);
        String linkTarget;
        try {
            linkTarget = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET, "symlink target is not UTF-8 text");
        }
        if (linkTarget.isEmpty() || linkTarget.indexOf('\0') >= 0) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET, "symlink target is empty or contains NUL");
        }
        Path temp = TempFiles.next(file.getParent());
        try {
            Files.createSymbolicLink(temp, Path.of(linkTarget));
            moveInPlace(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return content.length;
    }

    private void moveInPlace(Path temp, Path file) throws IOException {
        if (replaced != null) {
            replaced.keep(file);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void check(RestoreItem item, ObjectLocation at, ObjectId actual, long length) throws StoreException {
        if (!actual.equals(item.id())) {
            throw new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, at.pack().data().fileAt(at.offset()),
                    at.pack().data().offsetInFile(at.offset()), "object " + item.id() + " decodes to content whose XXH3-128 is " + actual);
        }
        if (item.size() >= 0 && length != item.size()) {
            throw new StoreException(ProblemKind.SIZE_MISMATCH, null, StoreException.NO_OFFSET,
                    "object " + item.id() + " holds " + length + " bytes but the catalog records " + item.size());
        }
    }

    /**
     * Collects blocks in {@link #buffer}; past {@link #WHOLE_LIMIT} spills them to the temp file
     * while hashing. Once the content outgrows the recorded size it stops keeping bytes and only
     * hashes the rest, so a decompression bomb costs time bounded by its compressed size, never
     * memory or disk, and the report can still say whether the content is the object at all.
     */
    private final class Collector implements BlockTarget {
        private final RestoreItem item;
        private final Path temp;
        private final BooleanSupplier cancelled;
        private FileChannel channel;
        private Xxh3.Stream hash;
        private boolean overflow;
        long produced;
        /** The temp file was created with the item's mode, which the umask left whole: no chmod needed. */
        boolean createdWithMode;

        Collector(RestoreItem item, Path temp, BooleanSupplier cancelled) {
            this.item = item;
            this.temp = temp;
            this.cancelled = cancelled;
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(1 << 20);
            }
            buffer.clear();
        }

        @Override
        public ByteBuffer room(int room) {
            if (buffer.remaining() >= room) {
                return buffer;
            }
            if (overflow || (channel == null && buffer.capacity() < WHOLE_LIMIT) || buffer.capacity() < room) {
                ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + room));
                buffer = bigger.put(buffer.flip());
                return buffer;
            }
            try {
                spill();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return buffer;
        }

        @Override
        public boolean filled(ByteBuffer block, int from, int length) {
            produced += length;
            if (!overflow && item.size() >= 0 && produced > item.size()) {
                overflow = true;
                if (hash == null) {
                    hash = Xxh3.stream();
                }
            }
            if (overflow) {
                hash.put(buffer.limit(from + length).position(0));
                buffer.clear();
            } else {
                buffer.position(from + length);
            }
            return !cancelled.getAsBoolean();
        }

        /**
         * Creates the temp file, with the item's mode when the umask would leave it whole (one
         * system call fewer a file than a chmod afterwards); else with the default mode, set later.
         */
        private FileChannel create() throws IOException {
            int mode = item.permissions();
            int umask = Umask.current();
            if (mode >= 0 && umask >= 0 && (mode & umask) == 0) {
                createdWithMode = true;
                return FileChannel.open(temp, CREATE_NEW_WRITE, PosixModes.fileAttribute(mode));
            }
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        private void spill() throws IOException {
            if (channel == null) {
                channel = create();
                hash = Xxh3.stream();
            }
            buffer.flip();
            hash.put(buffer);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /** Writes what is left (unless the content outgrew its size) and returns the id of all of it. */
        ObjectId finish() throws IOException {
            if (overflow) {
                closeQuietly();
                return hash.id();
            }
            if (channel != null) {
                spill();
                channel.close();
                return hash.id();
            }
            buffer.flip();
            ObjectId id = Xxh3.idOf(MemorySegment.ofBuffer(buffer));
            if (id.equals(item.id()) && (item.size() < 0 || produced == item.size())) {
                try (FileChannel ch = create()) {
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                }
            }
            return id;
        }

        void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the temp file is deleted next; nothing else to do with a close failure
                }
            }
        }
    }
}
