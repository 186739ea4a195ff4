package dev.packinspector.app.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A pack's problem reads reason first, its long path shortened in the middle after it. */
class PackRowTest {
    @Test
    void theReasonComesFirstAndTheFileAfterIt() {
        Path file = Path.of("/home/someone/.chkpt/stores/a-project-with-a-long-name/packs/pack-9ef89182289b4276.dat");
        var problem = new StoreException(ProblemKind.PACK_HEADER_INVALID, file, 1234, "pack data does not start with CHKL");
        var row = new PackRow("blobs", "9ef89182289b4276", "unreadable", -1, 3800, problem, null);

        String reason = row.reason();
        assertTrue(reason.startsWith("pack data does not start with CHKL  ("), reason);
        assertTrue(reason.endsWith("pack-9ef89182289b4276.dat at offset 1,234)"), "the file's name stays whole: " + reason);
        assertTrue(reason.contains("…"), "the path is shortened: " + reason);
        assertTrue(problem.getMessage().startsWith(file.toString()), "the whole message (on hover) still names the path first");
    }

    @Test
    void noProblemNoReason() {
        assertEquals("", new PackRow("blobs", "x", "ok", 1, 1, null, null).reason());
    }
}
