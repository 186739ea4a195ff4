package dev.packinspector.legacy;

import dev.packinspector.store.ContentId;
import java.util.HexFormat;

/**
 * An id of chkpt 0.1.x: the 32 bytes of BLAKE3-256, of an object's content or of a tree file's
 * bytes (LEGACY-FORMAT.md §3). Hex is the bytes in order. Held as four longs read big-endian, so
 * that comparing them unsigned, in order, is the bytewise order. Immutable.
 */
public record LegacyId(long a, long b, long c, long d) implements ContentId, Comparable<LegacyId> {
    public static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    /** The id whose bytes are {@code bytes[offset..offset+32)}. */
    public static LegacyId fromBytes(byte[] bytes, int offset) {
        return new LegacyId(longAt(bytes, offset), longAt(bytes, offset + 8), longAt(bytes, offset + 16), longAt(bytes, offset + 24));
    }

    /**
     * Parses the 64-digit hex form (either case).
     *
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     */
    public static LegacyId parse(String hex) {
        if (hex.length() != 2 * BYTES || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("not a chkpt 0.1.x id (64 hex digits): " + hex);
        }
        return new LegacyId(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32),
                HexFormat.fromHexDigitsToLong(hex, 32, 48), HexFormat.fromHexDigitsToLong(hex, 48, 64));
    }

    private static long longAt(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }

    @Override
    public long hi() {
        return a;
    }

    @Override
    public long lo() {
        return b;
    }

    @Override
    public String toHex() {
        return HEX.toHexDigits(a) + HEX.toHexDigits(b) + HEX.toHexDigits(c) + HEX.toHexDigits(d);
    }

    /** Where a file of this id lives under {@code objects/} or {@code trees/}: the first two hex digits, a slash, the other 62. */
    public String fanOut() {
        String hex = toHex();
        return hex.substring(0, 2) + "/" + hex.substring(2);
    }

    @Override
    public int compareTo(LegacyId o) {
        int r = Long.compareUnsigned(a, o.a);
        if (r == 0) {
            r = Long.compareUnsigned(b, o.b);
        }
        if (r == 0) {
            r = Long.compareUnsigned(c, o.c);
        }
        return r != 0 ? r : Long.compareUnsigned(d, o.d);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
