package dev.packinspector.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.Fixtures;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change whose text cannot be read (a catalog row without an id, a file the scan could not read) is named with why, and the patch goes on. */
class FolderPatchRowsTest {
    @Test
    void aSideThatCannotBeReadIsNamedWithWhy(@TempDir Path folder) throws IOException {
        var a = new Snapshot("a", "2026-01-01T00:00:00Z", "", null, null, 2, 6, 0, null, null);
        var b = new Snapshot(WorkspaceStatus.FOLDER_ID, "2026-01-02T00:00:00Z", "", "a", null, 2, 6, 0, null, null);
        ObjectId some = ObjectId.of("abc".getBytes(StandardCharsets.UTF_8));
        SnapshotDiff diff = SnapshotDiff.between(a,
                List.of(new ManifestEntry("bad-row", null, 3, 0100644, "a blob_hash of 3 bytes"), new ManifestEntry("unreadable", some, 3, 0100644, null)),
                b, List.of(new ManifestEntry("bad-row", some, 3, 0100644, null), new ManifestEntry("unreadable", null, 3, 0, "permission denied")));
        var out = new ByteArrayOutputStream();
        try (PackSet packs = PackSet.open(Fixtures.store("basic"))) {
            FolderPatch.write(diff, packs, folder, out);
        }
        assertEquals("""
                diff --git a/bad-row b/bad-row
                (its text cannot be shown: a blob_hash of 3 bytes)
                diff --git a/unreadable b/unreadable
                old mode 100644
                new mode 0
                (its text cannot be shown: permission denied)
                """, out.toString(StandardCharsets.UTF_8));
    }
}
