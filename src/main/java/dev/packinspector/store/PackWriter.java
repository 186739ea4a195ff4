package dev.packinspector.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a pack laid out exactly as chkpt's Rust {@code PackWriter}: a placeholder header, then
 * entries (id, u64 LE length, LZ4 frame) in the order added, then the real header; the pack is
 * named from XXH3-128 over the entries followed by the header; {@code .dat} is renamed into place
 * (an existing pack of that name is kept), then the sorted {@code .idx} is written. Used for the
 * demo store, tests and benchmarks, never on a user's store. Not thread-safe.
 */
public final class PackWriter implements AutoCloseable {
    private record Entry(ObjectId id, long offset, long size) {
    }

    private final Path packsDir;
    private final Path temp;
    private final OutputStream out;
    private final Xxh3.Stream hash = Xxh3.stream();
    private final List<Entry> entries = new ArrayList<>();
    private final java.util.Set<ObjectId> added = new java.util.HashSet<>();
    private long offset = Pack.HEADER_BYTES;
    private boolean finished;

    public PackWriter(Path packsDir) throws IOException {
        Files.createDirectories(packsDir);
        this.packsDir = packsDir;
        this.temp = Files.createTempFile(packsDir, ".tmp", ".dat");
        this.out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE), 256 << 10);
        out.write(new byte[Pack.HEADER_BYTES]);
    }

    /** Compresses and adds {@code content}; returns its id. */
    public ObjectId add(byte[] content) throws IOException {
        ObjectId id = ObjectId.of(content);
        addPreCompressed(id, FrameEncoder.encode(content));
        return id;
    }

    /**
     * Adds an entry whose LZ4 frame is already made (as chkpt's {@code add_pre_compressed}). An id
     * already in this pack is skipped: an index must not hold an id twice.
     */
    public void addPreCompressed(ObjectId id, byte[] frame) throws IOException {
        if (!added.add(id)) {
            return;
        }
        byte[] head = new byte[Pack.ENTRY_HEADER_BYTES];
        id.writeTo(head, 0);
        ByteBuffer.wrap(head, 16, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(frame.length);
        out.write(head);
        out.write(frame);
        hash.put(head, 0, head.length).put(frame, 0, frame.length);
        entries.add(new Entry(id, offset, frame.length));
        offset += head.length + frame.length;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes the header, names and publishes the pack, writes its index; returns the pack name. */
    public String finish() throws IOException {
        if (entries.isEmpty()) {
            throw new IllegalStateException("no entries to pack");
        }
        finished = true;
        out.close();
        byte[] header = ByteBuffer.allocate(Pack.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put("CHKL".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(entries.size()).array();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header), 0);
            ch.force(true);
        }
        String name = hash.put(header, 0, header.length).packName();
        try {
            Files.move(temp, packsDir.resolve(PackFiles.dat(name)));
        } catch (FileAlreadyExistsException e) {
            Files.delete(temp);
        }
        ByteBuffer idx = ByteBuffer.allocate(entries.size() * PackIndex.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        entries.sort(Comparator.comparing(Entry::id));
        for (Entry e : entries) {
            idx.put(e.id().toBytes()).putLong(e.offset()).putLong(e.size());
        }
        Files.write(packsDir.resolve(PackFiles.idx(name)), idx.array());
        return name;
    }

    /** Discards an unfinished pack's temp file. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
