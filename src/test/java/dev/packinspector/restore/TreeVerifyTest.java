package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.tree.TreeStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Verify checks the tree pack like a pack and each snapshot's tree walk against its manifest. */
class TreeVerifyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.packinspector.Fixtures#realStores")
    void everyRealSnapshotsTreeEqualsItsManifest(String store) throws Exception {
        VerifyReport report = verify(Fixtures.store(store));
        assertTrue(report.ok(), () -> report.causes().toString());
        assertTrue(report.treeWalks() >= 1, "at least one snapshot tree was compared");
    }

    @Test
    void aDamagedTreeIsOneCauseWithTheSnapshotWalksItSpoilsBeneath() throws Exception {
        Path store = copy();
        Path dat = store.resolve("trees/trees.dat");
        byte[] idx = Files.readAllBytes(store.resolve("trees/trees.idx"));
        ByteBuffer record = ByteBuffer.wrap(idx).order(ByteOrder.LITTLE_ENDIAN);
        long offset = record.getLong(16);
        long length = record.getLong(24);
        byte[] bytes = Files.readAllBytes(dat);
        int at = (int) (offset + 24 + length / 2);
        bytes[at] ^= 0x5A;
        Files.write(dat, bytes);

        VerifyReport report = verify(store);
        assertEquals(1, report.causes().size(), () -> report.causes().toString());
        Cause cause = report.causes().getFirst();
        assertTrue(List.of(ProblemKind.TREE_HASH_MISMATCH, ProblemKind.TREE_CORRUPT).contains(cause.finding().kind()), cause::toString);
        assertEquals(TreeCheck.PACK, cause.finding().pack());
        assertTrue(cause.alsoSeen().stream().allMatch(f -> f.snapshot() != null), "what follows are the snapshots whose walk it spoils");
        assertEquals(0, report.affectedFiles(), "restore follows the manifest: no file is lost");
    }

    @Test
    void aManifestModeThatDisagreesWithItsTreeIsNamedWithTheSnapshotAndPath() throws Exception {
        Path store = copy();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("catalog.sqlite"));
                var update = db.prepareStatement("UPDATE snapshot_files SET mode = 33261 WHERE path = 'README.md'")) {
            assertTrue(update.executeUpdate() >= 1);
        }
        VerifyReport report = verify(store);
        assertFalse(report.ok());
        assertTrue(report.causes().stream().allMatch(c -> c.finding().kind() == ProblemKind.TREE_MANIFEST_MISMATCH), () -> report.causes().toString());
        Cause first = report.causes().getFirst();
        // a mode is the one column no other table repeats: only the tree can tell it changed
        assertTrue(first.finding().message().contains("README.md: the tree says mode 100644, the manifest 100755"), first.finding().message());
        assertTrue(first.finding().snapshot() != null && first.finding().message().contains(first.finding().snapshot()));
    }

    @Test
    void aTreePackChkptIsStillWritingIsCountedNotReported() throws Exception {
        Path store = copy();
        Files.delete(store.resolve("trees/trees.idx"));
        VerifyReport report = verify(store);
        assertTrue(report.ok(), () -> report.causes().toString());
        assertEquals(1, report.incompletePacks());
        assertEquals(0, report.treeWalks());
    }

    private Path copy() throws Exception {
        return StoreFingerprint.copy(Fixtures.store("real/head-basic"), dir.resolve("store"));
    }

    private static VerifyReport verify(Path store) throws Exception {
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow(); TreeStore trees = TreeStore.open(store)) {
            return new StoreVerifier(2).verify(packs, new CatalogReferences(catalog), new TreeCheck(trees, catalog), RestoreListener.NONE);
        }
    }
}
