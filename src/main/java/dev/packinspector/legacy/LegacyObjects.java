package dev.packinspector.legacy;

import dev.packinspector.store.ContentId;
import dev.packinspector.store.ContentLookup;
import dev.packinspector.store.ContentReader;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import io.airlift.compress.v3.zstd.ZstdDecompressor;
import io.airlift.compress.v3.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The objects of a chkpt 0.1.x store: each {@code objects/<2>/<62>} file one zstd frame of a
 * file's content (LEGACY-FORMAT.md §4), decoded in one call into an array of its recorded size
 * (up to {@link #IN_MEMORY}), else as a stream (memory stays at zstd's window, whatever the
 * size), and hashed. Its frames carry no checksum, so only the BLAKE3 of
 * what comes out tells damaged content from good; and no size, so a frame that decodes to more
 * than the snapshot's size for it is stopped there (a zstd bomb costs nothing). Stateless;
 * thread-safe.
 */
public final class LegacyObjects implements ContentReader, ContentLookup {
    private static final int CHUNK = 128 << 10;
    /** Objects up to this size (stored and recorded) are decoded in one call, into an array of the recorded size; larger ones as a stream. */
    static final int IN_MEMORY = 16 << 20;
    /** A decoder per thread: libzstd through FFM where aircompressor bundles it for this platform, else its pure Java one. */
    private static final ThreadLocal<ZstdDecompressor> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressor::create);

    private final LegacyStore store;

    public LegacyObjects(LegacyStore store) {
        this.store = store;
    }

    /**
     * Decodes object {@code id} into {@code out} (null: only checks it), checking its BLAKE3 and,
     * if {@code size} is not negative, that it holds exactly {@code size} bytes.
     *
     * @return the content's length
     * @throws StoreException {@link ProblemKind#OBJECT_NOT_FOUND}, {@link ProblemKind#UNREADABLE}
     *     (not a zstd frame, or a broken one), {@link ProblemKind#SIZE_MISMATCH} or
     *     {@link ProblemKind#CONTENT_HASH_MISMATCH}, naming the object's file
     */
    public long decode(LegacyId id, long size, OutputStream out) throws StoreException {
        Path file = store.objectFile(id);
        try {
            if (size >= 0 && size < IN_MEMORY && Files.size(file) < IN_MEMORY) {
                return decodeInMemory(Files.readAllBytes(file), id, (int) size, out, file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return decode(in, id, size, out, file);
            }
        } catch (NoSuchFileException e) {
            throw new StoreException(ProblemKind.OBJECT_NOT_FOUND, file, StoreException.NO_OFFSET, "object " + id + " is missing");
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "object " + id + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The whole content of {@code id}, its BLAKE3 checked; an id of another kind is never held ({@link ProblemKind#OBJECT_NOT_FOUND}). */
    @Override
    public byte[] read(ContentId id) throws StoreException {
        if (!(id instanceof LegacyId legacy)) {
            throw new StoreException(ProblemKind.OBJECT_NOT_FOUND, store.root(), StoreException.NO_OFFSET,
                    "object " + id.toHex() + " is not an id of this store (its ids are BLAKE3, 64 hex digits)");
        }
        var out = new java.io.ByteArrayOutputStream();
        decode(legacy, -1, out);
        return out.toByteArray();
    }

    /** The id chkpt 0.1.x gives the content of {@code file}: its BLAKE3. */
    @Override
    public ContentId idOfFile(Path file) throws IOException {
        return blake3Of(file);
    }

    /** A store of chkpt 0.1.x keeps no packs. */
    @Override
    public java.util.List<String> packsHolding(ContentId id) {
        return java.util.List.of();
    }

    @Override
    public boolean holdsLoose(ContentId id) {
        return id instanceof LegacyId legacy && store.locate(legacy) != null;
    }

    /** The BLAKE3 of {@code file}'s content. */
    public static LegacyId blake3Of(Path file) throws IOException {
        var hash = new Blake3();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK];
            for (int n; (n = in.read(chunk)) > 0;) {
                hash.put(chunk, 0, n);
            }
        }
        return hash.id();
    }

    /** The frame {@code frame} decoded in one call into an array of the recorded {@code size} and one byte more, which only content too long reaches. */
    static long decodeInMemory(byte[] frame, LegacyId id, int size, OutputStream out, Path file) throws StoreException {
        byte[] content = new byte[size + 1];
        int n;
        try {
            n = DECOMPRESSORS.get().decompress(frame, 0, frame.length, content, 0, content.length);
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase(java.util.Locale.ROOT).contains("too small")) {
                throw tooLong(id, size, file);
            }
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "object " + id + " is not a zstd frame that decodes ("
                    + why + ")", e);
        }
        if (n > size) {
            throw tooLong(id, size, file);
        }
        checkWhole(id, size, n, new Blake3().put(content, 0, n).id(), file);
        if (out != null) {
            write(out, content, n, id, file);
        }
        return n;
    }

    /**
     * {@link #decode(LegacyId, long, OutputStream)} of the frame {@code compressed}, the file
     * {@code file} (named in what is refused).
     */
    static long decode(InputStream compressed, LegacyId id, long size, OutputStream out, Path file) throws StoreException {
        var hash = new Blake3();
        long total = 0;
        try (InputStream in = new ZstdInputStream(compressed)) {
            byte[] chunk = new byte[CHUNK];
            while (true) {
                int want = size < 0 ? CHUNK : (int) Math.min(CHUNK, size + 1 - total);
                int n = in.read(chunk, 0, Math.max(1, want));
                if (n < 0) {
                    break;
                }
                total += n;
                if (size >= 0 && total > size) {
                    throw tooLong(id, size, file);
                }
                hash.put(chunk, 0, n);
                if (out != null) {
                    write(out, chunk, n, id, file);
                }
            }
        } catch (StoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "object " + id + " is not a zstd frame that decodes ("
                    + e.getMessage() + ")", e);
        }
        checkWhole(id, size, total, hash.id(), file);
        return total;
    }

    private static StoreException tooLong(LegacyId id, long size, Path file) {
        return new StoreException(ProblemKind.SIZE_MISMATCH, file, StoreException.NO_OFFSET,
                "object " + id + " decodes to more than the " + size + " bytes its snapshots record: stopped there");
    }

    /** Refuses content of another length than the recorded {@code size} (when known: not negative) or another BLAKE3 than its id. */
    private static void checkWhole(LegacyId id, long size, long length, LegacyId actual, Path file) throws StoreException {
        if (size >= 0 && length != size) {
            throw new StoreException(ProblemKind.SIZE_MISMATCH, file, StoreException.NO_OFFSET,
                    "object " + id + " decodes to " + length + " bytes, where its snapshots record " + size);
        }
        if (!actual.equals(id)) {
            throw new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, file, StoreException.NO_OFFSET,
                    "object " + id + " decodes to content whose BLAKE3 is " + actual + " (damaged)");
        }
    }

    /** Hands decoded bytes on; a failure to write is the writer's, not a frame that does not decode. */
    private static void write(OutputStream out, byte[] bytes, int n, LegacyId id, Path file) throws StoreException {
        try {
            out.write(bytes, 0, n);
        } catch (IOException e) {
            throw new StoreException(ProblemKind.WRITE_FAILED, file, StoreException.NO_OFFSET, "cannot write object " + id + " (" + e.getMessage() + ")", e);
        }
    }
}
