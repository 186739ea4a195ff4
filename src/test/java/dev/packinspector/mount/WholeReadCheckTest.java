package dev.packinspector.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.store.ObjectId;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The check of a file read whole: in order or a little out of it, with its content, a changed byte, too few bytes, or a gap. */
class WholeReadCheckTest {
    private static final byte[] CONTENT = content(1_000_000);

    private static byte[] content(int n) {
        byte[] b = new byte[n];
        new Random(9).nextBytes(b);
        return b;
    }

    private static MemorySegment slice(byte[] b, int from, int to) {
        return MemorySegment.ofArray(Arrays.copyOfRange(b, from, Math.min(to, b.length)));
    }

    /** The reads of 128 KiB pieces, each pair of neighbours swapped when {@code shuffled} (the kernel's read-ahead on two threads). */
    private static WholeReadCheck.Verdict readAll(byte[] content, ObjectId id, boolean shuffled) {
        var check = new WholeReadCheck(id, content.length);
        List<Integer> starts = new ArrayList<>();
        for (int at = 0; at < content.length; at += 128 << 10) {
            starts.add(at);
        }
        if (shuffled) {
            for (int i = 0; i + 1 < starts.size(); i += 2) {
                Collections.swap(starts, i, i + 1);
            }
        }
        WholeReadCheck.Verdict last = null;
        for (int at : starts) {
            last = check.read(at, slice(content, at, at + (128 << 10)), 128 << 10);
        }
        return last;
    }

    @Test
    void aFileReadWholeInOrderOrNearlySoMatchesItsId() {
        ObjectId id = ObjectId.of(CONTENT);
        assertEquals(WholeReadCheck.Verdict.MATCHES, readAll(CONTENT, id, false));
        assertEquals(WholeReadCheck.Verdict.MATCHES, readAll(CONTENT, id, true));
    }

    @Test
    void oneChangedByteDiffers() {
        ObjectId id = ObjectId.of(CONTENT);
        byte[] changed = CONTENT.clone();
        changed[777_777] ^= 1;
        assertEquals(WholeReadCheck.Verdict.DIFFERS, readAll(changed, id, false));
        assertEquals(WholeReadCheck.Verdict.DIFFERS, readAll(changed, id, true));
    }

    @Test
    void contentEndingBeforeTheFilesSizeIsShort() {
        var check = new WholeReadCheck(ObjectId.of(CONTENT), CONTENT.length);
        assertEquals(WholeReadCheck.Verdict.GOING, check.read(0, slice(CONTENT, 0, 4096), 4096));
        assertEquals(WholeReadCheck.Verdict.SHORT, check.read(4096, slice(CONTENT, 4096, 5000), 4096), "904 bytes where 4096 were asked, far from the end");
        assertEquals(WholeReadCheck.Verdict.SHORT, check.read(0, slice(CONTENT, 0, 10), 10), "and it stays so");
    }

    @Test
    void aFileWithAGapOrTooMuchAheadIsNotChecked() {
        var gap = new WholeReadCheck(ObjectId.of(CONTENT), CONTENT.length);
        assertEquals(WholeReadCheck.Verdict.GOING, gap.read(0, slice(CONTENT, 0, 1000), 1000));
        assertEquals(WholeReadCheck.Verdict.GOING, gap.read(2000, slice(CONTENT, 2000, CONTENT.length), CONTENT.length), "bytes 1000-2000 never read");

        byte[] big = new byte[WholeReadCheck.AHEAD_LIMIT + (2 << 20)];
        var ahead = new WholeReadCheck(ObjectId.of(big), big.length);
        int piece = 1 << 20;
        for (int at = piece; at < big.length; at += piece) {
            ahead.read(at, slice(big, at, at + piece), piece);
        }
        assertEquals(WholeReadCheck.Verdict.GOING, ahead.read(0, slice(big, 0, piece), piece), "what came ahead past the limit was let go: no verdict");
    }
}
