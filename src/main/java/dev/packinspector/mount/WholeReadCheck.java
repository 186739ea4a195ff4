package dev.packinspector.mount;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Xxh3;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a file read through the mount against its object's id once it has been read whole: the
 * bytes handed out are hashed in order as they go (reads that come ahead of the rest, as the
 * kernel's read-ahead on several threads sends them, wait in a bounded buffer for the bytes before
 * them). A file read in any other way (a jump, a gap) is simply not checked. Thread-safe.
 */
final class WholeReadCheck {
    /** What a check says after a read. */
    enum Verdict { GOING, MATCHES, DIFFERS, SHORT }

    /** How many bytes of reads ahead of the hashed part are kept waiting before the check gives up. */
    static final int AHEAD_LIMIT = 64 << 20;

    private final ObjectId id;
    private final long size;
    private final Xxh3.Stream hash = Xxh3.stream();
    private final TreeMap<Long, MemorySegment> ahead = new TreeMap<>();
    private long hashed;
    private long aheadBytes;
    private boolean abandoned;
    private Verdict verdict = Verdict.GOING;

    /** A check that {@code size} bytes (the snapshot's size for the file) hash to {@code id}. */
    WholeReadCheck(ObjectId id, long size) {
        this.id = id;
        this.size = size;
    }

    /**
     * {@code bytes} were read at {@code offset} when {@code asked} were asked for (the segment
     * need stay valid only until this returns).
     *
     * @return {@link Verdict#DIFFERS} or {@link Verdict#SHORT} (the content ended before the
     *     file's size) once the file is known to be wrong, {@link Verdict#MATCHES} once it is
     *     known right, else {@link Verdict#GOING}
     */
    synchronized Verdict read(long offset, MemorySegment bytes, long asked) {
        if (verdict != Verdict.GOING) {
            return verdict;
        }
        long end = offset + bytes.byteSize();
        if (bytes.byteSize() < asked && end < size) {
            return verdict = Verdict.SHORT;
        }
        if (abandoned) {
            return verdict;
        }
        if (offset > hashed) {
            if (aheadBytes + bytes.byteSize() > AHEAD_LIMIT) {
                abandoned = true;
                ahead.clear();
                return verdict;
            }
            // the bytes are the caller's only until it returns: kept as a copy
            MemorySegment was = ahead.put(offset, MemorySegment.ofArray(bytes.toArray(ValueLayout.JAVA_BYTE)));
            aheadBytes += bytes.byteSize() - (was == null ? 0 : was.byteSize());
            return verdict;
        }
        take(offset, bytes);
        for (Map.Entry<Long, MemorySegment> next = ahead.firstEntry(); next != null && next.getKey() <= hashed; next = ahead.firstEntry()) {
            ahead.pollFirstEntry();
            aheadBytes -= next.getValue().byteSize();
            take(next.getKey(), next.getValue());
        }
        if (hashed >= size) {
            verdict = hash.id().equals(id) ? Verdict.MATCHES : Verdict.DIFFERS;
            ahead.clear();
        }
        return verdict;
    }

    private void take(long offset, MemorySegment bytes) {
        long from = hashed - offset;
        long to = Math.min(bytes.byteSize(), size - offset);
        if (to > from) {
            hash.put(bytes.asSlice(from, to - from));
            hashed = offset + to;
        }
    }
}
