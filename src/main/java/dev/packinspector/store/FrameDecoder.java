package dev.packinspector.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Decodes one LZ4 frame (the format of every pack entry) block by block with lz4-java's
 * bounds-checked decompressor, straight from the file mapping into direct memory, so memory
 * stays at one block whatever the object's size.
 *
 * <p>Supports every frame chkpt writes and any other standard frame with independent blocks:
 * 64 KB to 4 MB blocks, stored (uncompressed) blocks, block and content checksums, a content
 * size field. Frames with linked blocks or a dictionary id are refused as {@link
 * ProblemKind#LZ4_CORRUPT} with a message that says so. Anything malformed (bad magic, header
 * checksum, oversized block, a block or checksum running past the entry, a missing end mark,
 * stray bytes after it, a block that does not decode) is a {@link StoreException} naming the
 * file and offset.
 *
 * <p>Not thread-safe: it reuses one block buffer. Use one instance per thread.
 */
public final class FrameDecoder {
    static final int MAGIC = 0x184D2204;
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();
    private static final XXHashFactory XXH = XXHashFactory.fastestInstance();
    private static final XXHash32 XXH32 = XXH.hash32();

    private ByteBuffer block = ByteBuffer.allocateDirect(0);

    /** Decodes the whole frame {@code [start, start + length)} of {@code src} into {@code sink}. */
    public long decode(ByteSource src, long start, long length, String what, BlockSink sink) throws IOException {
        return decode(src, start, length, what, 0, Long.MAX_VALUE, sink);
    }

    /**
     * Decodes the content bytes {@code [skip, skip + limit)} of the frame into {@code sink} and
     * stops there. Blocks before {@code skip} are still decoded: only that tells their length.
     *
     * @param what names the object in error messages
     * @return the number of content bytes decoded, counting skipped ones
     */
    public long decode(ByteSource src, long start, long length, String what, long skip, long limit, BlockSink sink)
            throws IOException {
        long end = limit > Long.MAX_VALUE - skip ? Long.MAX_VALUE : skip + limit;
        var window = new BlockTarget() {
            long produced;

            @Override
            public ByteBuffer room(int room) {
                if (block.capacity() < room) {
                    block = ByteBuffer.allocateDirect(room);
                }
                return block.clear();
            }

            @Override
            public boolean filled(ByteBuffer buffer, int from, int n) throws IOException {
                long blockStart = produced;
                produced += n;
                if (produced <= skip) {
                    return true;
                }
                int first = from + (int) Math.max(0, skip - blockStart);
                int last = from + (int) Math.min(n, end - blockStart);
                return sink.accept(buffer.limit(last).position(first)) && produced < end;
            }
        };
        return decode(src, start, length, what, window);
    }

    /**
     * Decodes the frame into buffers that {@code target} provides, block by block, until the end
     * mark or until the target asks to stop.
     *
     * @return the number of content bytes decoded
     */
    public long decode(ByteSource src, long start, long length, String what, BlockTarget target) throws IOException {
        return decodeFrom(src, start, length, what, -1, target);
    }

    /**
     * Like {@link #decode(ByteSource, long, long, String, BlockTarget)}, but from the block whose
     * size word is at {@code resumeAt}: a position {@link BlockTarget#blockAt} reported for this
     * frame, or -1 for the first block. The frame header is read and checked either way; the
     * content checksum and declared content size can only be checked from the first block.
     *
     * @return the number of content bytes decoded from {@code resumeAt} on
     */
    public long decodeFrom(ByteSource src, long start, long length, String what, long resumeAt, BlockTarget target)
            throws IOException {
        Cursor in = new Cursor(src, start, start + length, what);
        FrameHeader header = FrameHeader.read(in);
        boolean whole = resumeAt < 0;
        if (!whole) {
            if (resumeAt < in.pos || resumeAt >= in.end) {
                throw new IllegalArgumentException("block position " + resumeAt + " is outside the frame's blocks");
            }
            in.pos = resumeAt;
        }
        StreamingXXHash32 contentHash = whole && header.contentChecksum() ? XXH.newStreamingHash32(0) : null;
        long produced = 0;
        while (true) {
            long wordAt = in.pos;
            int word = in.intLE("a block size");
            if (word == 0) {
                break;
            }
            if (!target.next(wordAt)) {
                return produced;
            }
            int size = word & 0x7FFFFFFF;
            if (size > header.maxBlock()) {
                throw in.corrupt(wordAt, "block of " + size + " bytes is larger than the frame's "
                        + header.maxBlock() + "-byte maximum");
            }
            MemorySegment data = in.take(size, "a block");
            if (header.blockChecksum()) {
                in.checksum(data, in.intLE("a block checksum"), "block");
            }
            ByteBuffer out = target.room(header.maxBlock());
            int at = out.position();
            int n;
            if (word < 0) {
                MemorySegment.copy(data, 0, MemorySegment.ofBuffer(out), 0, size);
                n = size;
            } else {
                n = decompress(in, wordAt, data, out, at, header.maxBlock());
            }
            produced += n;
            if (contentHash != null) {
                byte[] copy = new byte[n];
                out.get(at, copy);
                contentHash.update(copy, 0, n);
            }
            target.blockAt(wordAt);
            if (!target.filled(out, at, n)) {
                return produced;
            }
        }
        if (contentHash != null) {
            long at = in.pos;
            if (contentHash.getValue() != in.intLE("the content checksum")) {
                throw in.corrupt(at, "content checksum does not match the decoded content");
            }
        }
        if (whole && header.contentSize() >= 0 && header.contentSize() != produced) {
            throw in.corrupt(start, "frame declares " + header.contentSize() + " content bytes but holds " + produced);
        }
        if (in.pos != in.end) {
            throw in.corrupt(in.pos, (in.end - in.pos) + " stray bytes after the frame's end mark");
        }
        return produced;
    }

    /**
     * The most content bytes the frame can hold, read from its block headers alone (no decoding): a
     * stored block holds exactly its size, a compressed one at most the frame's block size; a
     * declared content size is taken as it is.
     */
    public static long contentBound(ByteSource src, long start, long length, String what) throws StoreException {
        Cursor in = new Cursor(src, start, start + length, what);
        FrameHeader header = FrameHeader.read(in);
        if (header.contentSize() >= 0) {
            return header.contentSize();
        }
        long bound = 0;
        while (true) {
            long wordAt = in.pos;
            int word = in.intLE("a block size");
            if (word == 0) {
                return bound;
            }
            int size = word & 0x7FFFFFFF;
            if (size > header.maxBlock()) {
                throw in.corrupt(wordAt, "block of " + size + " bytes is larger than the frame's " + header.maxBlock() + "-byte maximum");
            }
            in.take(size + (header.blockChecksum() ? 4L : 0L), "a block");
            bound += word < 0 ? size : header.maxBlock();
        }
    }

    private static int decompress(Cursor in, long wordAt, MemorySegment data, ByteBuffer out, int at, int maxBlock)
            throws StoreException {
        try {
            return LZ4.decompress(data.asByteBuffer(), 0, (int) data.byteSize(), out, at, maxBlock);
        } catch (LZ4Exception | IndexOutOfBoundsException e) {
            throw in.corrupt(wordAt, "compressed block does not decode (" + e.getMessage() + ")");
        }
    }

    /** Frame descriptor fields; {@code contentSize} is -1 when the frame does not declare it. */
    private record FrameHeader(int maxBlock, boolean blockChecksum, boolean contentChecksum, long contentSize) {
        static FrameHeader read(Cursor in) throws StoreException {
            long start = in.pos;
            int magic = in.intLE("the frame magic");
            if (magic != MAGIC) {
                throw in.corrupt(start, String.format("bad LZ4 frame magic %08x", magic));
            }
            MemorySegment flags = in.peek(2, "the frame descriptor");
            int flg = flags.get(ValueLayout.JAVA_BYTE, 0) & 0xFF;
            int bd = flags.get(ValueLayout.JAVA_BYTE, 1) & 0xFF;
            if ((flg >>> 6) != 1 || (flg & 0x02) != 0 || (bd & 0x8F) != 0) {
                throw in.corrupt(start + 4, String.format("unknown LZ4 frame version or flags (FLG %02x, BD %02x)", flg, bd));
            }
            int sizeCode = (bd >>> 4) & 7;
            if (sizeCode < 4) {
                throw in.corrupt(start + 5, "invalid LZ4 block size code " + sizeCode);
            }
            int descriptorLength = 2 + ((flg & 0x08) != 0 ? 8 : 0) + ((flg & 0x01) != 0 ? 4 : 0);
            MemorySegment descriptor = in.take(descriptorLength, "the frame descriptor");
            long checksumAt = in.pos;
            int hc = in.take(1, "the header checksum").get(ValueLayout.JAVA_BYTE, 0) & 0xFF;
            // (copied, not toArray: that makes a heap segment to copy into, a microsecond a file under C1)
            byte[] descriptorBytes = new byte[descriptorLength];
            MemorySegment.copy(descriptor, ValueLayout.JAVA_BYTE, 0, descriptorBytes, 0, descriptorLength);
            if (((XXH32.hash(descriptorBytes, 0, descriptorLength, 0) >>> 8) & 0xFF) != hc) {
                throw in.corrupt(checksumAt, "LZ4 frame header checksum mismatch");
            }
            if ((flg & 0x20) == 0) {
                throw in.corrupt(start + 4, "LZ4 frames with linked blocks are not supported (chkpt never writes them)");
            }
            if ((flg & 0x01) != 0) {
                throw in.corrupt(start + 4, "LZ4 frames that need a dictionary are not supported");
            }
            long contentSize = (flg & 0x08) != 0 ? descriptor.get(ByteSource.LONG_LE, 2) : -1;
            if ((flg & 0x08) != 0 && contentSize < 0) {
                throw in.corrupt(start + 6, "LZ4 frame declares an impossible content size");
            }
            return new FrameHeader(1 << (2 * sizeCode + 8), (flg & 0x10) != 0, (flg & 0x04) != 0, contentSize);
        }
    }

    /** Position within the frame; every read is checked against the frame's end. */
    private static final class Cursor {
        final ByteSource src;
        final long end;
        final String what;
        long pos;

        Cursor(ByteSource src, long start, long end, String what) {
            this.src = src;
            this.pos = start;
            this.end = end;
            this.what = what;
        }

        MemorySegment peek(long n, String field) throws StoreException {
            if (n > end - pos) {
                String detail = end == pos && field.equals("a block size")
                        ? "frame ends without an end mark"
                        : "frame ends inside " + field + " (" + (end - pos) + " of " + n + " bytes left)";
                throw corrupt(pos, detail);
            }
            return src.slice(pos, n);
        }

        MemorySegment take(long n, String field) throws StoreException {
            MemorySegment s = peek(n, field);
            pos += n;
            return s;
        }

        int intLE(String field) throws StoreException {
            return take(4, field).get(ByteSource.INT_LE, 0);
        }

        void checksum(MemorySegment data, int expected, String field) throws StoreException {
            byte[] bytes = data.toArray(ValueLayout.JAVA_BYTE);
            if (XXH32.hash(bytes, 0, bytes.length, 0) != expected) {
                throw corrupt(pos - 4, field + " checksum mismatch");
            }
        }

        StoreException corrupt(long at, String detail) {
            return new StoreException(ProblemKind.LZ4_CORRUPT, src.fileAt(at), src.offsetInFile(at), what + ": " + detail);
        }
    }
}
