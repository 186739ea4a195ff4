package dev.packinspector.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.packinspector.legacy.LegacyFuzzing;
import dev.packinspector.store.StoreException;

/**
 * Any bytes as the three things a store of chkpt 0.1.x is made of: a bincode tree, a snapshot's
 * JSON and a zstd object (input: a u16 LE recorded size, then the frame). Each is read or refused
 * with a StoreException; nothing else, no hang, and no more than the recorded size decoded. Seeds:
 * the trees, snapshot files and objects of fixtures/legacy.
 */
class LegacyFuzzTest {
    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void aTreeDecodesOrIsRefused(byte[] input) {
        try {
            LegacyFuzzing.tree(input);
        } catch (StoreException expected) {
            // refused with its reason
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void aSnapshotFileParsesOrIsRefused(byte[] input) {
        try {
            LegacyFuzzing.snapshot(input);
        } catch (StoreException expected) {
            // refused with its reason
        }
    }

    @FuzzTest(maxExecutions = 10_000_000, maxDuration = "2h")
    void anObjectDecodesWithinItsRecordedSizeOrIsRefused(byte[] input) {
        try {
            LegacyFuzzing.object(input);
        } catch (StoreException expected) {
            // refused with its reason
        }
    }
}
