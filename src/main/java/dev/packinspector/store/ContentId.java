package dev.packinspector.store;

/**
 * The id a store gives a file's content, whatever its hash: {@link ObjectId} (XXH3-128, 32 hex
 * digits) in the stores of current chkpt, a BLAKE3-256 one (64 hex digits) in those of chkpt
 * 0.1.x. Ids of different kinds are never equal. Implementations are immutable values.
 */
public interface ContentId {
    /** The lower-case hex form, as the store names it. */
    String toHex();

    /** The first 64 bits of the id, big-endian: with {@link #lo()}, what orders and finds ids fast. */
    long hi();

    /** Bits 64 to 127 of the id, big-endian (an {@link ObjectId} has no more). */
    long lo();

    /** The first {@code n} hex characters, for compact display. */
    default String shortHex(int n) {
        String hex = toHex();
        return hex.substring(0, Math.min(n, hex.length()));
    }
}
