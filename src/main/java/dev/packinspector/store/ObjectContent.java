package dev.packinspector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Random access to one object's content, for previews of objects of any size: a byte range is
 * read by decoding only the frame blocks it needs.
 *
 * <p>LZ4 frame blocks are independent but do not record how many content bytes they hold, so the
 * block map (where each block starts in the frame and in the content) is learnt as blocks are
 * decoded: the first read far into an object decodes up to there once; any later read before that
 * point decodes just the blocks it touches. {@link #scan} learns the whole map (and so the size)
 * and checks the content against the object's id. Memory: 16 bytes a block, plus one block buffer
 * per reading thread.
 *
 * <p>Thread-safe. Ranges read with {@link #read} are not verified against the id.
 */
public final class ObjectContent {
    private final ObjectLocation at;
    private final BlockCache cache;
    /**
     * Each thread's decoder and block buffer, shared by every object it reads (a thread decodes one
     * block at a time): made once a thread, not once an object, which for a mount read of many
     * small files was most of each read's time.
     */
    private static final ThreadLocal<Decoding> DECODERS = ThreadLocal.withInitial(Decoding::new);
    private long[] blockWord = new long[8];
    private long[] blockContent = new long[8];
    private int blocks;
    private long size = -1;
    /** Where the last cached read ended: a read from there on is reading in order. */
    private long lastEnd;

    public ObjectContent(ObjectLocation at) {
        this(at, null);
    }

    /**
     * Reads through {@code cache}: each block a read touches is decoded once into the cache (or
     * found there), so small reads in order (a FUSE read is 128 KiB, a block up to 4 MB) decode
     * each block once, not once a read.
     */
    public ObjectContent(ObjectLocation at, BlockCache cache) {
        this.at = at;
        this.cache = cache;
    }

    public ObjectLocation location() {
        return at;
    }

    /** The content length, or -1 until a read or scan has reached the end of the frame. */
    public synchronized long size() {
        return size;
    }

    /** The most bytes the content can have, from the frame's block headers (exact once {@link #size} is known). */
    public long sizeBound() throws StoreException {
        long known = size();
        if (known >= 0) {
            return known;
        }
        Pack pack = at.pack();
        return FrameDecoder.contentBound(pack.data(), pack.payloadStart(at.position()), at.compressedSize(), "object " + at.id());
    }

    /** Up to {@code length} bytes from {@code offset} on (fewer at the end of the content, none past it). */
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (cache != null) {
            return readCached(offset, length);
        }
        long resumeWord;
        long base;
        synchronized (this) {
            if (size >= 0 && offset >= size) {
                return new byte[0];
            }
            int i = lastBlockAtOrBefore(offset);
            resumeWord = i < 0 ? -1 : blockWord[i];
            base = i < 0 ? 0 : blockContent[i];
        }
        var range = new Range(base, offset, length);
        decode(resumeWord, range);
        return range.bytes();
    }

    private byte[] readCached(long offset, int length) throws IOException {
        byte[] out = new byte[length];
        int filled = readCached(offset, length, (block, from, n, at) -> System.arraycopy(block, from, out, at, n));
        return filled == length ? out : Arrays.copyOf(out, filled);
    }

    /**
     * Up to {@code into.remaining()} bytes from {@code offset} on, put into {@code into} (from its
     * position, which moves past them), straight from the cache's blocks: no copy of our own.
     * Only for an object read through a {@link BlockCache}.
     *
     * @return the number of bytes put (fewer at the end of the content, none past it)
     */
    public int read(long offset, ByteBuffer into) throws IOException {
        if (cache == null) {
            throw new IllegalStateException("reading into a buffer needs a block cache");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        return readCached(offset, into.remaining(), (block, from, n, at) -> into.put(block, from, n));
    }

    /** Where the bytes of a cached read go: {@code n} bytes of {@code block} from {@code from}, the {@code at}-th byte of the read on. */
    private interface Sink {
        void take(byte[] block, int from, int n, int at);
    }

    private int readCached(long offset, int length, Sink sink) throws IOException {
        int filled = 0;
        long pos = offset;
        boolean sequential;
        synchronized (this) {
            sequential = offset == lastEnd;
        }
        while (filled < length) {
            long word;
            long start;
            synchronized (this) {
                if (size >= 0 && pos >= size) {
                    break;
                }
                int i = lastBlockAtOrBefore(pos);
                word = i < 0 ? -1 : blockWord[i];
                start = i < 0 ? 0 : blockContent[i];
            }
            if (word < 0) {
                decode(-1, new One(0, true)); // learns where the first block starts (or that there is none)
                continue;
            }
            BlockCache.Block b = cache.block(at.pack(), word, () -> decodeOne(word, start));
            long end = start + b.bytes().length;
            synchronized (this) {
                learn(word, start);
                if (b.nextWord() == BlockCache.Block.END) {
                    size = end;
                } else {
                    learn(b.nextWord(), end);
                }
            }
            if (sequential && b.nextWord() != BlockCache.Block.END) {
                // read in order: the next block is decoded meanwhile, on another core, for the reads to come
                cache.prefetch(at.pack(), b.nextWord(), () -> decodeOne(b.nextWord(), end));
            }
            if (pos < end) {
                int n = (int) Math.min(length - filled, end - pos);
                sink.take(b.bytes(), (int) (pos - start), n, filled);
                filled += n;
                pos += n;
            }
        }
        synchronized (this) {
            lastEnd = pos;
        }
        return filled;
    }

    private BlockCache.Block decodeOne(long word, long start) throws IOException {
        var one = new One(start, false);
        decode(word, one);
        return new BlockCache.Block(one.bytes, one.reachedEnd ? BlockCache.Block.END : one.nextWord);
    }

    /**
     * Decodes the whole object, learning every block and the size, and checks its XXH3-128.
     *
     * @return false if cancelled before the end
     * @throws StoreException {@link ProblemKind#CONTENT_HASH_MISMATCH} if the content is not the
     *     object's, or what the frame decoder finds wrong
     */
    public boolean scan(BooleanSupplier cancelled) throws IOException {
        return scan(cancelled, done -> { });
    }

    /** {@link #scan(BooleanSupplier)}, telling {@code progress} the content bytes checked after each block. */
    public boolean scan(BooleanSupplier cancelled, LongConsumer progress) throws IOException {
        Xxh3.Stream hash = Xxh3.stream();
        var all = new Learner(0) {
            @Override
            boolean take(ByteBuffer block, long contentStart) {
                long end = contentStart + block.remaining();
                hash.put(block);
                progress.accept(end);
                return !cancelled.getAsBoolean();
            }
        };
        decode(-1, all);
        if (!all.reachedEnd) {
            return false;
        }
        ObjectId actual = hash.id();
        if (!actual.equals(at.id())) {
            throw new StoreException(ProblemKind.CONTENT_HASH_MISMATCH, at.pack().data().fileAt(at.offset()),
                    at.pack().data().offsetInFile(at.offset()), "object " + at.id() + " decodes to content whose XXH3-128 is " + actual);
        }
        return true;
    }

    private void decode(long resumeWord, Learner learner) throws IOException {
        Pack pack = at.pack();
        long payload = pack.payloadStart(at.position());
        Decoding d = DECODERS.get();
        learner.decoding = d;
        long produced = d.decoder.decodeFrom(pack.data(), payload, at.compressedSize(), "object " + at.id(), resumeWord, learner);
        if (learner.reachedEnd) {
            synchronized (this) {
                size = learner.base + produced;
            }
        }
    }

    private int lastBlockAtOrBefore(long offset) {
        int i = Arrays.binarySearch(blockContent, 0, blocks, offset);
        if (i >= 0) {
            // several empty blocks can share a start: take the last of them
            while (i + 1 < blocks && blockContent[i + 1] == offset) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    private synchronized void learn(long word, long contentStart) {
        if (blocks > 0 && word <= blockWord[blocks - 1]) {
            return;
        }
        if (blocks == blockWord.length) {
            blockWord = Arrays.copyOf(blockWord, blocks * 2);
            blockContent = Arrays.copyOf(blockContent, blocks * 2);
        }
        blockWord[blocks] = word;
        blockContent[blocks] = contentStart;
        blocks++;
    }

    /** A reading thread's decoder and block buffer. */
    private static final class Decoding {
        final FrameDecoder decoder = new FrameDecoder();
        ByteBuffer block = ByteBuffer.allocateDirect(0);
    }

    /** Records each block it sees in the map and hands its bytes on; notes whether the end mark was reached. */
    private abstract class Learner implements BlockTarget {
        final long base;
        long produced;
        long word = -1;
        boolean reachedEnd = true;
        Decoding decoding;

        Learner(long base) {
            this.base = base;
        }

        abstract boolean take(ByteBuffer block, long contentStart) throws IOException;

        @Override
        public ByteBuffer room(int room) {
            if (decoding.block.capacity() < room) {
                decoding.block = ByteBuffer.allocateDirect(room);
            }
            return decoding.block.clear();
        }

        @Override
        public void blockAt(long position) {
            word = position;
        }

        @Override
        public boolean filled(ByteBuffer buffer, int from, int length) throws IOException {
            long contentStart = base + produced;
            produced += length;
            learn(word, contentStart);
            boolean more = take(buffer.limit(from + length).position(from), contentStart);
            if (!more) {
                reachedEnd = false;
            }
            return more;
        }
    }

    /**
     * Decodes one block (none with {@code headerOnly}: only learns where the first starts), keeps
     * its bytes and where the block after it starts, and stops before decoding that one.
     */
    private final class One extends Learner {
        private final boolean headerOnly;
        private int seen;
        byte[] bytes = new byte[0];
        long nextWord = -1;

        One(long base, boolean headerOnly) {
            super(base);
            this.headerOnly = headerOnly;
        }

        @Override
        public boolean next(long position) {
            if (seen++ == (headerOnly ? 0 : 1)) {
                nextWord = position;
                learn(position, base + produced);
                reachedEnd = false;
                return false;
            }
            return true;
        }

        @Override
        boolean take(ByteBuffer block, long contentStart) {
            bytes = new byte[block.remaining()];
            block.get(block.position(), bytes);
            return true;
        }
    }

    /** Collects the bytes {@code [offset, offset + length)} and stops once it has them. */
    private final class Range extends Learner {
        private final long offset;
        private final long end;
        private final byte[] out;
        private int filled;

        Range(long base, long offset, int length) {
            super(base);
            this.offset = offset;
            this.end = offset + length;
            this.out = new byte[length];
        }

        @Override
        boolean take(ByteBuffer block, long contentStart) {
            long blockEnd = contentStart + block.remaining();
            if (blockEnd > offset && contentStart < end) {
                int skip = (int) Math.max(0, offset - contentStart);
                int n = (int) (Math.min(end, blockEnd) - Math.max(offset, contentStart));
                block.get(block.position() + skip, out, filled, n);
                filled += n;
            }
            return blockEnd < end;
        }

        byte[] bytes() {
            return filled == out.length ? out : Arrays.copyOf(out, filled);
        }
    }
}
