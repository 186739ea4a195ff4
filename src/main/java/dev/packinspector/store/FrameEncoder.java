package dev.packinspector.store;

import java.io.ByteArrayOutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Writes an object as one LZ4 frame with the parameters chkpt's lz4_flex encoder uses: FLG 0x60
 * (independent blocks, no checksums, no content size) and a block size chosen from the content
 * length (up to 64 KiB: 64 KB blocks, up to 256 KiB: 256 KB, else 4 MB); a block that does not
 * shrink is stored raw. The compressed bytes differ from lz4_flex's (a different compressor) but
 * the frame is equally valid. Thread-safe.
 */
public final class FrameEncoder {
    private static final LZ4Compressor LZ4 = LZ4Factory.fastestInstance().fastCompressor();
    private static final int FLG = 0x60;

    private FrameEncoder() {
    }

    public static byte[] encode(byte[] content) {
        int sizeCode = content.length <= (64 << 10) ? 4 : content.length <= (256 << 10) ? 5 : 7;
        int blockSize = 1 << (2 * sizeCode + 8);
        int bd = sizeCode << 4;
        var out = new ByteArrayOutputStream(content.length / 2 + 32);
        writeIntLE(out, FrameDecoder.MAGIC);
        out.write(FLG);
        out.write(bd);
        byte[] descriptor = {(byte) FLG, (byte) bd};
        out.write((XXHashFactory.fastestInstance().hash32().hash(descriptor, 0, 2, 0) >>> 8) & 0xFF);
        byte[] compressed = new byte[LZ4.maxCompressedLength(blockSize)];
        for (int at = 0; at < content.length; at += blockSize) {
            int n = Math.min(blockSize, content.length - at);
            int c = LZ4.compress(content, at, n, compressed, 0, compressed.length);
            if (c < n) {
                writeIntLE(out, c);
                out.write(compressed, 0, c);
            } else {
                writeIntLE(out, n | 0x80000000);
                out.write(content, at, n);
            }
        }
        writeIntLE(out, 0);
        return out.toByteArray();
    }

    private static void writeIntLE(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
