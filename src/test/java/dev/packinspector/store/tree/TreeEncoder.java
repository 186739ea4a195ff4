package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What bitcode 0.6.9 writes for a {@code Vec<TreeEntry>}, byte for byte (a port of {@code encode_tree}
 * in shared/tools/chkpt-trees.py, TREES-FORMAT.md §7's encoder rules), and tree packs as chkpt lays
 * them out: for tests that need trees no chkpt would write, and to check that every real tree
 * re-encodes to its own bytes.
 */
final class TreeEncoder {
    private static final int[] STATES = {256, 16, 6, 4, 3, 2};
    private static final int[] PER_BYTE = {1, 2, 3, 4, 5, 8};

    private TreeEncoder() {
    }

    static byte[] encode(List<TreeEntry> entries) {
        var out = new ByteArrayOutputStream();
        int n = entries.size();
        lengths(out, new long[] {n});
        byte[][] names = entries.stream().map(e -> e.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        lengths(out, Arrays.stream(names).mapToLong(b -> b.length).toArray());
        for (byte[] name : names) {
            out.writeBytes(name);
        }
        int[] kinds = entries.stream().mapToInt(e -> e.kind().ordinal()).toArray();
        out.writeBytes(pack(kinds, 4)); // 3 variants: base 3, packing 4
        int[] hashes = new int[16 * n];
        for (int i = 0; i < n; i++) {
            byte[] id = entries.get(i).id().toBytes();
            for (int j = 0; j < 16; j++) {
                hashes[16 * i + j] = id[j] & 0xFF;
            }
        }
        bytes(out, hashes);
        ints(out, entries.stream().mapToLong(TreeEntry::size).toArray(), 64);
        ints(out, entries.stream().mapToLong(TreeEntry::unsignedMode).toArray(), 32);
        return out.toByteArray();
    }

    private static int packingFor(long max) {
        for (int p = STATES.length - 1; p > 0; p--) {
            if (max < STATES[p]) {
                return p;
            }
        }
        return 0;
    }

    private static byte[] pack(int[] values, int p) {
        int states = STATES[p];
        int k = PER_BYTE[p];
        byte[] out = new byte[(values.length + k - 1) / k];
        for (int i = 0; i < values.length; i += k) {
            int acc = 0;
            for (int j = Math.min(values.length, i + k) - 1; j >= i; j--) {
                acc = acc * states + values[j];
            }
            out[i / k] = (byte) acc;
        }
        return out;
    }

    static void bytes(ByteArrayOutputStream out, int[] values) {
        int n = values.length;
        if (n <= 2) {
            for (int v : values) {
                out.write(v);
            }
            return;
        }
        int min = Arrays.stream(values).min().orElseThrow();
        int max = Arrays.stream(values).max().orElseThrow();
        int basic = packingFor(max);
        int offset = packingFor(max - min);
        if (offset > basic && n > 5) {
            out.write(offset * 2 - 1);
            out.write(min);
            out.writeBytes(pack(Arrays.stream(values).map(v -> v - min).toArray(), offset));
        } else if (basic == 0) {
            out.write(0);
            for (int v : values) {
                out.write(v);
            }
        } else {
            out.write(basic * 2);
            out.writeBytes(pack(values, basic));
        }
    }

    /** log2(64 / width) of the narrowest of 8, 16, 32, 64 bits that holds {@code max} (unsigned). */
    private static int widthFor(long max) {
        if (Long.compareUnsigned(max, 0xFF) <= 0) {
            return 3;
        }
        if (Long.compareUnsigned(max, 0xFFFF) <= 0) {
            return 2;
        }
        return Long.compareUnsigned(max, 0xFFFF_FFFFL) <= 0 ? 1 : 0;
    }

    static void ints(ByteArrayOutputStream out, long[] values, int bits) {
        int n = values.length;
        if (n == 0) {
            return;
        }
        int none = bits == 64 ? 0 : 1;
        long[] sample = Arrays.copyOf(values, Math.min(16, n));
        if (widthFor(max(sample) - min(sample)) == none) {
            out.write(0);
            body(out, values, bits);
            return;
        }
        long min = min(values);
        int basic = widthFor(max(values));
        int offset = widthFor(max(values) - min);
        if (offset > basic && n > 5) {
            out.write((offset - none) * 2 - 1);
            out.writeBytes(littleEndian(min, bits / 8));
            body(out, Arrays.stream(values).map(v -> v - min).toArray(), 64 >> offset);
        } else {
            out.write((basic - none) * 2);
            body(out, values, 64 >> basic);
        }
    }

    private static void body(ByteArrayOutputStream out, long[] values, int width) {
        if (width == 8) {
            bytes(out, Arrays.stream(values).mapToInt(v -> (int) v).toArray());
            return;
        }
        for (long v : values) {
            out.writeBytes(littleEndian(v, width / 8));
        }
    }

    private static long min(long[] values) {
        return Arrays.stream(values).reduce((a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b).orElseThrow();
    }

    private static long max(long[] values) {
        return Arrays.stream(values).reduce((a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b).orElseThrow();
    }

    private static byte[] littleEndian(long v, int size) {
        return Arrays.copyOf(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array(), size);
    }

    static void lengths(ByteArrayOutputStream out, long[] lengths) {
        bytes(out, Arrays.stream(lengths).mapToInt(v -> (int) Math.min(v, 255)).toArray());
        ints(out, Arrays.stream(lengths).filter(v -> v >= 255).toArray(), 64);
    }

    /** A tree pack's two files as chkpt writes them: records in the given order, the index sorted by id. */
    record Pack(byte[] dat, byte[] idx) {
        void writeTo(Path treesDir) throws IOException {
            Files.createDirectories(treesDir);
            Files.write(treesDir.resolve(TreePack.DAT), dat);
            Files.write(treesDir.resolve(TreePack.IDX), idx);
        }
    }

    static Pack pack(List<byte[]> objects) {
        var dat = new ByteArrayOutputStream();
        dat.writeBytes(new byte[] {'C', 'K', 'T', 'L'});
        Map<ObjectId, long[]> index = new TreeMap<>();
        dat.writeBytes(littleEndian(objects.size(), 4));
        for (byte[] object : objects) {
            ObjectId id = ObjectId.of(object);
            index.put(id, new long[] {dat.size(), object.length});
            dat.writeBytes(id.toBytes());
            dat.writeBytes(littleEndian(object.length, 8));
            dat.writeBytes(object);
        }
        var idx = new ByteArrayOutputStream();
        index.forEach((id, at) -> {
            idx.writeBytes(id.toBytes());
            idx.writeBytes(littleEndian(at[0], 8));
            idx.writeBytes(littleEndian(at[1], 8));
        });
        return new Pack(dat.toByteArray(), idx.toByteArray());
    }
}
