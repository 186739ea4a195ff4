package dev.packinspector.store;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 8-byte header a blob pack's {@code .dat} ({@code CHKL}) and the tree pack's {@code trees.dat}
 * ({@code CKTL}) both start with: four magic bytes, then the number of records as u32 LE. Each
 * pack compares the count with its own index. Stateless, thread-safe.
 */
public final class PackHeader {
    public static final int BYTES = 8;

    private PackHeader() {
    }

    /**
     * The record count in the header of {@code data}, after checking that the data holds a header
     * starting with {@code magic}; otherwise a {@code kind} problem at offset 0 that calls the file
     * {@code what} ("pack data", "tree pack").
     */
    public static long count(ByteSource data, byte[] magic, ProblemKind kind, String what) throws StoreException {
        if (data.size() < BYTES) {
            throw new StoreException(kind, data.fileAt(0), 0, what + " is " + data.size() + " bytes, shorter than its 8-byte header");
        }
        byte[] found = data.slice(0, magic.length).toArray(ValueLayout.JAVA_BYTE);
        if (!Arrays.equals(found, magic)) {
            throw new StoreException(kind, data.fileAt(0), 0, what + " does not start with " + new String(magic, StandardCharsets.US_ASCII)
                    + " (found " + HexFormat.of().formatHex(found) + ")");
        }
        return Integer.toUnsignedLong(data.intLE(magic.length));
    }
}
