package dev.packinspector.restore;

import dev.packinspector.store.BlockTarget;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoredObject;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The objects of a store of current chkpt, in its packs: LZ4 frames named by the XXH3-128 of
 * their content. Objects up to {@value #WHOLE_LIMIT} bytes are decoded whole into direct memory,
 * hashed there and written with one call; larger ones stream to the file while hashing.
 */
public final class PackObjects implements ObjectSource {
    static final int WHOLE_LIMIT = 32 << 20;

    private final PackSet packs;

    public PackObjects(PackSet packs) {
        this.packs = packs;
    }

    /** Refuses a folder that lies inside the store (its packs folder, or a store folder with a catalog). */
    @Override
    public void refuseInside(Path folder) throws IOException {
        Path store = packs.packsDir().toRealPath().getParent();
        Path absolute = folder.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        if (real.startsWith(packs.packsDir().toRealPath()) || (Files.exists(store.resolve("catalog.sqlite")) && real.startsWith(store))) {
            throw new IllegalArgumentException("the target " + folder + " is inside the store; choose a folder outside it");
        }
    }

    @Override
    public StoredObject locate(ContentId id) {
        return id instanceof ObjectId o ? packs.locate(o).orElse(null) : null;
    }

    @Override
    public String notFound(ContentId id) {
        return "object " + id + " is in none of the readable packs";
    }

    @Override
    public ContentId idOfFile(Path file) throws IOException {
        return Xxh3.idOfFile(file);
    }

    /**
     * Files before links, then in pack order and offset within each pack, so the workers read each
     * pack front to back. Each write's place is worked out once (a comparator that looked up the
     * pack's rank on every comparison was a fifth of a dry run's time).
     */
    @Override
    public void sortForReading(List<RestorePlan.Write> writes) {
        Map<Pack, Integer> rank = new IdentityHashMap<>();
        for (Pack p : packs.readablePacks()) {
            rank.put(p, rank.size());
        }
        record Placed(int group, long offset, RestorePlan.Write write) {
        }
        var placed = new Placed[writes.size()];
        for (int i = 0; i < placed.length; i++) {
            RestorePlan.Write w = writes.get(i);
            var at = (ObjectLocation) w.location();
            int packRank = rank.getOrDefault(at.pack(), rank.size());
            placed[i] = new Placed(w.item().symlink() ? rank.size() + 1 + packRank : packRank, at.offset(), w);
        }
        Arrays.sort(placed, (a, b) -> a.group != b.group ? Integer.compare(a.group, b.group) : Long.compare(a.offset, b.offset));
        for (int i = 0; i < placed.length; i++) {
            writes.set(i, placed[i].write);
        }
    }

    @Override
    public Decoder decoder() {
        return new PackDecoder();
    }

    private static void verify(RestoreItem item, ObjectLocation at, ObjectId actual, long length) throws StoreException {
        if (!actual.equals(item.id())) {
            throw new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, at.pack().data().fileAt(at.offset()),
                    at.pack().data().offsetInFile(at.offset()), "object " + item.id() + " decodes to content whose XXH3-128 is " + actual);
        }
        if (item.size() >= 0 && length != item.size()) {
            throw new StoreException(ProblemKind.SIZE_MISMATCH, null, StoreException.NO_OFFSET,
                    "object " + item.id() + " holds " + length + " bytes but the catalog records " + item.size());
        }
    }

    /** One thread's decoder: its reader, and a direct buffer made on the first file (a writer of links never needs it). */
    private static final class PackDecoder implements Decoder {
        private final ObjectReader reader = new ObjectReader();
        private ByteBuffer buffer;

        @Override
        public Decoded write(RestoreItem item, StoredObject stored, Path temp, BooleanSupplier cancelled) throws IOException {
            var at = (ObjectLocation) stored;
            var out = new Collector(item, temp, cancelled);
            try {
                reader.decode(at, out);
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                verify(item, at, out.finish(), out.produced);
                return new Decoded(out.produced, out.createdWithMode);
            } finally {
                out.closeQuietly();
            }
        }

        @Override
        public byte[] read(RestoreItem item, StoredObject stored) throws IOException {
            var at = (ObjectLocation) stored;
            byte[] content = reader.readAll(at);
            verify(item, at, ObjectId.of(content), content.length);
            return content;
        }

        @Override
        public long check(RestoreItem item, StoredObject stored, BooleanSupplier cancelled) throws IOException {
            var at = (ObjectLocation) stored;
            Xxh3.Stream hash = Xxh3.stream();
            boolean[] stopped = {false};
            long length = reader.decode(at, block -> {
                hash.put(block);
                stopped[0] = cancelled.getAsBoolean();
                return !stopped[0];
            });
            if (stopped[0]) {
                throw new Cancelled();
            }
            verify(item, at, hash.id(), length);
            return length;
        }

        @Override
        public void copy(StoredObject stored, java.io.OutputStream out, BooleanSupplier cancelled) throws IOException {
            byte[] chunk = new byte[1 << 16];
            boolean[] stopped = {false};
            reader.decode((ObjectLocation) stored, block -> {
                while (block.hasRemaining()) {
                    int n = Math.min(chunk.length, block.remaining());
                    block.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
                stopped[0] = cancelled.getAsBoolean();
                return !stopped[0];
            });
            if (stopped[0]) {
                throw new Cancelled();
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

            /** Creates the temp file (see {@link TempFiles#create}). */
            private FileChannel create() throws IOException {
                createdWithMode = TempFiles.createsWithMode(item);
                return TempFiles.create(temp, item);
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
}
