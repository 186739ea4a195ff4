package dev.packinspector.differential;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * File contents and sizes for generated workspaces. Sizes run from 0 B to 8 MiB, mostly small; the
 * sizes where chkpt's LZ4 frames change block size (64 KiB, 256 KiB, then 4 MiB blocks) are
 * offered one byte either side. Content is text (compresses), noise (stored as raw blocks), zeros,
 * or a mix, so that frames hold compressed and raw blocks side by side.
 */
final class Contents {
    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;
    static final int MAX_SIZE = 8 * MIB;
    /** Around the block-size steps of lz4_flex's frame encoder as chkpt calls it (DESIGN.md §1). */
    static final List<Integer> SMALL_BOUNDARIES = List.of(64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 256 * KIB - 1, 256 * KIB, 256 * KIB + 1);
    static final List<Integer> LARGE_BOUNDARIES = List.of(4 * MIB - 1, 4 * MIB, 4 * MIB + 1, MAX_SIZE);
    private static final String[] WORDS = ("fn let mut pub struct impl return match if else for while use mod const enum trait where"
            + " Some None Ok Err Vec String usize u64 bool true false new len push iter map collect into from clone unwrap error"
            + " value index count buffer path file store pack blob tree snapshot catalog entry offset size mode hash reader"
            + " writer frame block chunk part restore save delete the a of to in is and with on by this that it").split(" ");

    private Contents() {
    }

    /** A size skewed small: 8% empty, 60% under 4 KiB, 22% under 64 KiB, 8% under 1 MiB, 2% up to 8 MiB. */
    static int size(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return 0;
        }
        if (roll < 68) {
            return 1 + random.nextInt(4 * KIB - 1);
        }
        if (roll < 90) {
            return 4 * KIB + random.nextInt(60 * KIB);
        }
        if (roll < 98) {
            return 64 * KIB + random.nextInt(MIB - 64 * KIB);
        }
        return MIB + random.nextInt(MAX_SIZE - MIB + 1);
    }

    /** {@code size} bytes of one of the content kinds, chosen by {@code random}. */
    static byte[] of(SplittableRandom random, int size) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> text(random, size);
            case 4, 5 -> noise(random, size);
            case 6 -> new byte[size];
            default -> mixed(random, size);
        };
    }

    static byte[] noise(SplittableRandom random, int size) {
        byte[] out = new byte[size];
        random.nextBytes(out);
        return out;
    }

    /** Source-like lines, many of them repeated, as real text is. */
    static byte[] text(SplittableRandom random, int size) {
        String[] pool = new String[64];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = line(random);
        }
        var sb = new StringBuilder(size + 128);
        while (sb.length() < size) {
            sb.append(random.nextInt(10) < 7 ? pool[random.nextInt(pool.length)] : line(random));
        }
        byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(all, size);
    }

    /** Alternating runs of text and noise of up to 48 KiB each, so one frame has both compressed and raw blocks. */
    static byte[] mixed(SplittableRandom random, int size) {
        byte[] out = new byte[size];
        int at = 0;
        while (at < size) {
            int run = Math.min(size - at, 1 + random.nextInt(48 * KIB));
            byte[] part = random.nextBoolean() ? text(random, run) : noise(random, run);
            System.arraycopy(part, 0, out, at, run);
            at += run;
        }
        return out;
    }

    private static String line(SplittableRandom random) {
        var sb = new StringBuilder("    ".repeat(random.nextInt(4)));
        int words = 2 + random.nextInt(10);
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.append(";\n").toString();
    }
}
