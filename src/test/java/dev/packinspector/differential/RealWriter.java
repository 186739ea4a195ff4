package dev.packinspector.differential;

import java.util.List;

/**
 * A way the real chkpt writes a store: which binary, and the {@code --pack-chunk-bytes} it is
 * given (0: none, plain packs). 2f794af is chkpt's HEAD; 7f7f180 is the pack format before
 * chunking, which has no such option.
 */
record RealWriter(String binary, int chunkBytes) {
    static final String HEAD = "chkpt-2f794af";
    static final String BEFORE_CHUNKING = "chkpt-7f7f180";
    /** Part sizes for the chunked writer, picked by seed: a round 64 KiB, one byte more (entries straddle parts at odd places), 256 KiB, just under 1 MiB. */
    private static final List<Integer> CHUNK_BYTES = List.of(65_536, 65_537, 262_144, 1_048_573);

    /** The three writers every seed is saved with. */
    static List<RealWriter> forSeed(long seed) {
        return List.of(new RealWriter(HEAD, 0), new RealWriter(HEAD, CHUNK_BYTES.get((int) Math.floorMod(seed, CHUNK_BYTES.size()))),
                new RealWriter(BEFORE_CHUNKING, 0));
    }

    @Override
    public String toString() {
        return binary + (chunkBytes > 0 ? " --pack-chunk-bytes " + chunkBytes : "");
    }
}
