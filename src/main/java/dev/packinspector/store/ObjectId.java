package dev.packinspector.store;

import java.util.HexFormat;

/**
 * A chkpt object id: the 16 bytes of XXH3-128 of the content, low 64 bits first, each half
 * little-endian. Held as two longs read big-endian from those bytes, so that unsigned comparison
 * of ({@code hi}, {@code lo}) is exactly the bytewise order of the .idx files. Immutable.
 */
public record ObjectId(long hi, long lo) implements ContentId, Comparable<ObjectId> {
    public static final int BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    // equals and hashCode written out: a record's own go through an invokedynamic bootstrap and a
    // method-handle chain that C1, which compiles command-line runs, does not flatten; a restore
    // compares every file's id (41 ms of a 20,000-file restore's CPU, BENCHMARKS.md, issue 15)
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectId other && hi == other.hi && lo == other.lo;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(hi) + Long.hashCode(lo);
    }

    /** The id chkpt gives to {@code content}. */
    public static ObjectId of(byte[] content) {
        return Xxh3.idOf(content, 0, content.length);
    }

    /** The id whose canonical XXH3-128 digest is {@code (high, low)}. */
    public static ObjectId fromDigest(long high, long low) {
        return new ObjectId(Long.reverseBytes(low), Long.reverseBytes(high));
    }

    public static ObjectId fromBytes(byte[] bytes, int offset) {
        return new ObjectId(readLongBE(bytes, offset), readLongBE(bytes, offset + 8));
    }

    /**
     * Parses the 32-character lower- or upper-case hex form.
     *
     * @throws IllegalArgumentException if {@code hex} is not 32 hex digits
     */
    public static ObjectId parse(String hex) {
        if (hex.length() != 2 * BYTES || !isHex(hex)) {
            throw new IllegalArgumentException("not an object id (32 hex digits): " + hex);
        }
        return new ObjectId(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    public static boolean isHex(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    public void writeTo(byte[] out, int offset) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (hi >>> (56 - 8 * i));
            out[offset + 8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
    }

    @Override
    public String toHex() {
        return HEX.toHexDigits(hi) + HEX.toHexDigits(lo);
    }

    /** The first {@code n} hex characters, for compact display. */
    public String shortHex(int n) {
        return toHex().substring(0, Math.min(n, 2 * BYTES));
    }

    @Override
    public int compareTo(ObjectId other) {
        int c = Long.compareUnsigned(hi, other.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, other.lo);
    }

    @Override
    public String toString() {
        return toHex();
    }

    private static long readLongBE(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
