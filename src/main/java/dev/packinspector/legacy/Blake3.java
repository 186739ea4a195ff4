package dev.packinspector.legacy;

import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3-256, chkpt 0.1.x's id of objects and trees (BouncyCastle's, pure Java). Not thread-safe: one per hashing. */
final class Blake3 {
    private final Blake3Digest digest = new Blake3Digest(256);

    Blake3 put(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return this;
    }

    /** The id of what was put. */
    LegacyId id() {
        byte[] out = new byte[LegacyId.BYTES];
        digest.doFinal(out, 0);
        return LegacyId.fromBytes(out, 0);
    }

    static LegacyId of(byte[] bytes) {
        return new Blake3().put(bytes, 0, bytes.length).id();
    }
}
