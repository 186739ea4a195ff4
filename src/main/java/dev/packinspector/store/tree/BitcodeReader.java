package dev.packinspector.store.tree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A cursor over one bitcode 0.6.9 buffer that reads its column encodings (TREES-FORMAT.md
 * §7.2–7.5): byte columns, u32/u64 integer columns, lengths and field-less enum variants. Every
 * count is checked against the bytes that remain before anything of its size is allocated, so a
 * hostile length costs an exception, never memory. Not thread-safe: one per decode.
 */
final class BitcodeReader {
    /** length.rs: bitcode refuses a column whose lengths add up to this or more. */
    static final long HUGE_LENGTH = 0x7FFFFFFFFFFFFFFFL / 4096;
    /** pack.rs: states per value and values per packed byte, by packing p = (header + 1) / 2. */
    private static final int[] STATES = {256, 16, 6, 4, 3, 2};
    private static final int[] PER_BYTE = {1, 2, 3, 4, 5, 8};

    private final MemorySegment in;
    private long pos;
    private String column = "";

    BitcodeReader(MemorySegment in) {
        this.in = in;
    }

    /** The input does not follow the encoding; {@code position} is where reading stood. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final long position;

        Malformed(long position, String message) {
            // no stack trace: a fuzzer or a damaged store throws these by the million
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** Names the column being read, for error messages. */
    void column(String name) {
        column = name;
    }

    long position() {
        return pos;
    }

    long remaining() {
        return in.byteSize() - pos;
    }

    Malformed malformed(String message) {
        return new Malformed(pos, message + (column.isEmpty() ? "" : " (" + column + " column)"));
    }

    private void require(long n) throws Malformed {
        if (n < 0 || n > remaining()) {
            throw malformed("needs " + Long.toUnsignedString(n) + " more bytes but " + remaining() + " remain");
        }
    }

    int u8() throws Malformed {
        require(1);
        return in.get(ValueLayout.JAVA_BYTE, pos++) & 0xFF;
    }

    /** The next {@code n} bytes, as a view. */
    MemorySegment take(long n) throws Malformed {
        require(n);
        MemorySegment view = in.asSlice(pos, n);
        pos += n;
        return view;
    }

    /** §7.2 {@code bytes(n)}: n ≤ 2 raw; else a header, an optional min byte, raw or packed values. */
    byte[] bytes(int n) throws Malformed {
        if (n <= 2) {
            return take(n).toArray(ValueLayout.JAVA_BYTE);
        }
        int header = u8();
        int p = (header + 1) / 2;
        if (p >= STATES.length) {
            throw malformed(String.format("invalid packing: byte column header 0x%02x", header));
        }
        int min = (header & 1) != 0 ? u8() : 0;
        if (p == 0) {
            return take(n).toArray(ValueLayout.JAVA_BYTE);
        }
        byte[] out = unpack(n, STATES[p], PER_BYTE[p], false);
        if (min != 0) {
            for (int i = 0; i < n; i++) {
                out[i] = (byte) (out[i] + min);
            }
        }
        return out;
    }

    /** ⌈n/k⌉ bytes, k values of {@code states} states each, first value in the lowest digit. */
    private byte[] unpack(int n, int states, int k, boolean strict) throws Malformed {
        long packed = (n + (long) k - 1) / k;
        require(packed);
        int largest = (int) Math.pow(states, k) - 1;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i += k) {
            int b = in.get(ValueLayout.JAVA_BYTE, pos++) & 0xFF;
            if (strict && b > largest) {
                pos--;
                throw malformed("byte 0x" + Integer.toHexString(b) + " holds no " + k + " values of " + states + " states");
            }
            for (int j = i; j < Math.min(n, i + k); j++) {
                out[j] = (byte) (b % states);
                b /= states;
            }
        }
        return out;
    }

    /**
     * §7.3 {@code ints(n, bits)} for u32 ({@code bits} 32) and u64 (64) columns: a header giving the
     * packed width (8 bits meaning a nested byte column), an optional min, then the values.
     */
    long[] ints(int n, int bits) throws Malformed {
        if (n == 0) {
            return new long[0];
        }
        int header = u8();
        int shift = (header + 1) / 2;
        if (shift > (bits == 64 ? 3 : 2)) {
            throw malformed(String.format("invalid packing: u%d column header 0x%02x", bits, header));
        }
        int width = bits >> shift;
        long min = (header & 1) != 0 ? littleEndian(bits / 8) : 0;
        long[] out = new long[n];
        if (width == 8) {
            byte[] bytes = bytes(n);
            for (int i = 0; i < n; i++) {
                out[i] = bytes[i] & 0xFF;
            }
        } else {
            int size = width / 8;
            require((long) n * size);
            for (int i = 0; i < n; i++) {
                out[i] = littleEndian(size);
            }
        }
        if ((header & 1) != 0) {
            long mask = bits == 64 ? -1L : 0xFFFF_FFFFL;
            for (int i = 0; i < n; i++) {
                out[i] = (out[i] + min) & mask;
            }
        }
        return out;
    }

    private long littleEndian(int size) throws Malformed {
        require(size);
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (in.get(ValueLayout.JAVA_BYTE, pos + i) & 0xFFL) << (8 * i);
        }
        pos += size;
        return v;
    }

    /** §7.4 {@code lengths(n)}: per-item bytes, 255 meaning "next value of the u64 column that follows". */
    long[] lengths(int n) throws Malformed {
        byte[] small = bytes(n);
        long[] out = new long[n];
        int large = 0;
        for (int i = 0; i < n; i++) {
            out[i] = small[i] & 0xFF;
            if (out[i] == 255) {
                large++;
            }
        }
        if (large > 0) {
            long[] values = ints(large, 64);
            for (int i = 0, next = 0; i < n; i++) {
                if (out[i] == 255) {
                    out[i] = values[next++];
                }
            }
        }
        long total = 0;
        for (long length : out) {
            if (length < 0 || length >= HUGE_LENGTH - total) {
                throw malformed("huge length");
            }
            total += length;
        }
        return out;
    }

    /** §7.5: the indices of an enum of {@code variants} variants, packed with no header and no min. */
    byte[] variants(int n, int variants) throws Malformed {
        int p = packingFor(variants - 1);
        byte[] out = p == 0 ? take(n).toArray(ValueLayout.JAVA_BYTE) : unpack(n, STATES[p], PER_BYTE[p], true);
        for (byte v : out) {
            if ((v & 0xFF) >= variants) {
                throw malformed("variant " + (v & 0xFF) + " of an enum of " + variants);
            }
        }
        return out;
    }

    /** pack.rs {@code Packing::new(max)}: the fewest states that hold 0..=max. */
    private static int packingFor(int max) {
        for (int p = STATES.length - 1; p > 0; p--) {
            if (max < STATES[p]) {
                return p;
            }
        }
        return 0;
    }

    /** bitcode's "Expected EOF": the buffer must end right after the last column. */
    void end() throws Malformed {
        if (remaining() != 0) {
            throw malformed(remaining() + " trailing bytes after the last column");
        }
    }
}
