package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of a real store's tree pack, each damaged one way (the states of TREES-FORMAT.md §4 and
 * worse): every one gives its typed state or error, never a crash or an unchecked exception.
 */
class DamagedTreePackTest {
    private static final String STORE = "real/head-basic";
    @TempDir
    Path store;
    private Path trees;
    private byte[] dat;
    private byte[] idx;
    private ObjectId latestRoot;

    @BeforeEach
    void copyTheTreePack() throws Exception {
        trees = store.resolve("trees");
        Files.createDirectories(trees);
        dat = Files.readAllBytes(Fixtures.store(STORE).resolve("trees/trees.dat"));
        idx = Files.readAllBytes(Fixtures.store(STORE).resolve("trees/trees.idx"));
        write();
        try (Catalog catalog = Catalog.open(Fixtures.store(STORE)).orElseThrow()) {
            latestRoot = catalog.resolve("latest").rootTree();
        }
    }

    private void write() throws IOException {
        Files.write(trees.resolve(TreePack.DAT), dat);
        Files.write(trees.resolve(TreePack.IDX), idx);
    }

    /** Opens, validates and walks the copy; returns the findings of validate. */
    private List<StoreException> findings(TreePackState expected) {
        try (TreeStore opened = TreeStore.open(store)) {
            assertEquals(expected, opened.state(), String.valueOf(opened.problem()));
            var found = new ArrayList<StoreException>();
            opened.validate(found::add);
            return found;
        }
    }

    private StoreException walkFails() {
        try (TreeStore opened = TreeStore.open(store)) {
            return assertThrows(StoreException.class, () -> new TreeWalk(opened).files(latestRoot));
        }
    }

    private static int intLE(byte[] b, int at) {
        return ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private void putIntLE(byte[] b, int at, int v) {
        ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(v);
    }

    private void putLongLE(byte[] b, int at, long v) {
        ByteBuffer.wrap(b, at, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
    }

    @Test
    void theCopyIsSound() throws Exception {
        assertEquals(List.of(), findings(TreePackState.OK));
        try (TreeStore opened = TreeStore.open(store)) {
            assertEquals(36, new TreeWalk(opened).files(latestRoot).size());
        }
    }

    @Test
    void onlyOneOfTheTwoFilesIsAnIncompletePack() throws Exception {
        Files.delete(trees.resolve(TreePack.IDX));
        List<StoreException> found = findings(TreePackState.INCOMPLETE);
        assertEquals(1, found.size());
        assertEquals(ProblemKind.TREE_PACK_INCOMPLETE, found.get(0).kind());
        assertTrue(found.get(0).kind().incomplete());
        assertEquals(trees.resolve(TreePack.IDX), found.get(0).file());
        assertEquals(ProblemKind.TREE_PACK_INCOMPLETE, walkFails().kind());

        write();
        Files.delete(trees.resolve(TreePack.DAT));
        assertEquals(ProblemKind.TREE_PACK_INCOMPLETE, findings(TreePackState.INCOMPLETE).get(0).kind());
    }

    @Test
    void anIndexOfPartRecordsIsCorruptNotIncomplete() throws Exception {
        idx = Arrays.copyOf(idx, idx.length - 5);
        write();
        StoreException e = findings(TreePackState.UNREADABLE).get(0);
        assertEquals(ProblemKind.TREE_PACK_CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("not a whole number of 32-byte records"), e.getMessage());
    }

    @Test
    void aBadMagicOrAShortFileIsCorrupt() throws Exception {
        dat[0] = 'X';
        write();
        StoreException e = findings(TreePackState.UNREADABLE).get(0);
        assertEquals(ProblemKind.TREE_PACK_CORRUPT, e.kind());
        assertEquals(trees.resolve(TreePack.DAT), e.file());
        assertEquals(0, e.offset());
        assertEquals(ProblemKind.TREE_PACK_CORRUPT, walkFails().kind());
        dat = new byte[0];
        write();
        assertTrue(findings(TreePackState.UNREADABLE).get(0).getMessage().contains("shorter than its 8-byte header"));
    }

    @Test
    void anUnsortedOrDuplicatedIndexIsCorrupt() throws Exception {
        byte[] first = Arrays.copyOfRange(idx, 0, 32);
        System.arraycopy(idx, 32, idx, 0, 32);
        System.arraycopy(first, 0, idx, 32, 32);
        write();
        StoreException e = findings(TreePackState.UNREADABLE).get(0);
        assertEquals(ProblemKind.TREE_PACK_CORRUPT, e.kind());
        assertEquals(32, e.offset());
        System.arraycopy(idx, 32, idx, 0, 32);
        write();
        assertTrue(findings(TreePackState.UNREADABLE).get(0).getMessage().contains("duplicate id"));
    }

    @Test
    void aHeaderCountingFewerRecordsThanTheIndexIsCorrupt() throws Exception {
        putIntLE(dat, 4, intLE(dat, 4) - 1);
        write();
        assertEquals(4, findings(TreePackState.UNREADABLE).get(0).offset());
    }

    @Test
    void recordsTheIndexDoesNotListAreANoteAsAfterACrashBetweenTheRenames() throws Exception {
        // chkpt killed after renaming trees.dat: one more record appended, counted in the header, not in the index
        byte[] extra = TreeEncoder.encode(List.of(new TreeEntry("new.txt", TreeEntry.Kind.FILE, ObjectId.of(new byte[] {1}), 1, 0100644)));
        var grown = new java.io.ByteArrayOutputStream();
        grown.writeBytes(dat);
        grown.writeBytes(ObjectId.of(extra).toBytes());
        grown.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(extra.length).array());
        grown.writeBytes(extra);
        dat = grown.toByteArray();
        putIntLE(dat, 4, intLE(dat, 4) + 1);
        write();
        List<StoreException> found = findings(TreePackState.OK);
        assertEquals(1, found.size(), found.toString());
        assertEquals(ProblemKind.TREE_RECORDS_UNINDEXED, found.get(0).kind());
        assertTrue(found.get(0).kind().note());
        try (TreeStore opened = TreeStore.open(store)) {
            assertEquals(ProblemKind.TREE_RECORDS_UNINDEXED, opened.notes().get(0).kind());
            assertTrue(opened.find(ObjectId.of(extra)).isEmpty(), "invisible, as it is to chkpt");
            assertEquals(36, new TreeWalk(opened).files(latestRoot).size());
        }
    }

    @Test
    void aRecordOutsideTheDataOrDisagreeingWithTheIndexIsCorrupt() throws Exception {
        int position = 3;
        long offset = ByteBuffer.wrap(idx, position * 32 + 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        putLongLE(idx, position * 32 + 16, dat.length + 100L);
        write();
        List<StoreException> found = findings(TreePackState.OK);
        assertTrue(found.stream().anyMatch(f -> f.kind() == ProblemKind.TREE_PACK_CORRUPT && f.getMessage().contains("outside trees.dat")), found.toString());

        putLongLE(idx, position * 32 + 16, offset);
        dat[(int) offset + 3] ^= 1; // the id written in front of the tree
        write();
        found = findings(TreePackState.OK);
        assertTrue(found.stream().anyMatch(f -> f.getMessage().contains("record header says")), found.toString());

        dat[(int) offset + 3] ^= 1;
        putLongLE(idx, position * 32 + 24, 1L << 40); // the index's length
        write();
        assertTrue(findings(TreePackState.OK).stream().anyMatch(f -> f.kind() == ProblemKind.TREE_PACK_CORRUPT));
    }

    @Test
    void aFlippedByteInATreeIsFoundByTheDecoderOrTheHash() throws Exception {
        int root = new TreeIndexView(idx).positionOf(latestRoot);
        long offset = new TreeIndexView(idx).offset(root);
        dat[(int) offset + TreePack.RECORD_HEADER_BYTES + 40] ^= 0x10;
        write();
        List<StoreException> found = findings(TreePackState.OK);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).kind() == ProblemKind.TREE_HASH_MISMATCH || found.get(0).kind() == ProblemKind.TREE_CORRUPT);
        assertEquals(offset, found.get(0).offset());
        StoreException walk = walkFails();
        assertEquals(found.get(0).kind(), walk.kind());
        assertTrue(walk.getMessage().contains(latestRoot.toHex()), walk.getMessage());
    }

    @Test
    void aTruncatedDataFileIsCorruptWhereItEnds() throws Exception {
        dat = Arrays.copyOf(dat, dat.length - 10);
        write();
        List<StoreException> found = findings(TreePackState.OK);
        assertTrue(found.stream().allMatch(f -> f.kind() == ProblemKind.TREE_PACK_CORRUPT), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.getMessage().contains("past the end")), found.toString());
    }

    @Test
    void aTreeMissingFromTheIndexIsNamedWithItsFolderAndALooseCopyIsFound() throws Exception {
        var view = new TreeIndexView(idx);
        ObjectId root = latestRoot;
        ObjectId subtree;
        try (TreeStore opened = TreeStore.open(store)) {
            subtree = opened.read(root).stream().filter(e -> e.kind() == TreeEntry.Kind.DIR).findFirst().orElseThrow().id();
        }
        int position = view.positionOf(subtree);
        long offset = view.offset(position);
        byte[] object = Arrays.copyOfRange(dat, (int) offset + 24, (int) (offset + 24 + view.length(position)));
        byte[] shorter = new byte[idx.length - 32];
        System.arraycopy(idx, 0, shorter, 0, position * 32);
        System.arraycopy(idx, position * 32 + 32, shorter, position * 32, shorter.length - position * 32);
        idx = shorter;
        write();
        StoreException missing = walkFails();
        assertEquals(ProblemKind.TREE_MISSING, missing.kind());
        assertTrue(missing.getMessage().contains(subtree.toHex()) && missing.getMessage().contains("folder '"), missing.getMessage());

        String hex = subtree.toHex();
        Files.createDirectories(trees.resolve(hex.substring(0, 2)));
        Files.write(trees.resolve(hex.substring(0, 2)).resolve(hex.substring(2)), object);
        try (TreeStore opened = TreeStore.open(store)) {
            assertEquals(36, new TreeWalk(opened).files(root).size(), "pack first, then loose trees, as chkpt 7f7f180 reads them");
            var found = new ArrayList<StoreException>();
            opened.validate(found::add);
            assertTrue(found.stream().allMatch(f -> f.kind().note()), found.toString());
        }
        Files.write(trees.resolve(hex.substring(0, 2)).resolve(hex.substring(2)), Arrays.copyOf(object, object.length + 1));
        try (TreeStore opened = TreeStore.open(store)) {
            var found = new ArrayList<StoreException>();
            opened.validate(found::add);
            assertTrue(found.stream().anyMatch(f -> f.kind() == ProblemKind.TREE_CORRUPT), found.toString());
        }
    }

    @Test
    void everyFlippedBitOfASmallPackIsAStateOrAStoreException() throws Exception {
        byte[] goodDat = Files.readAllBytes(Fixtures.store("real/head-gc").resolve("trees/trees.dat"));
        byte[] goodIdx = Files.readAllBytes(Fixtures.store("real/head-gc").resolve("trees/trees.idx"));
        for (int file = 0; file < 2; file++) {
            byte[] target = file == 0 ? goodDat : goodIdx;
            for (int i = 0; i < target.length; i++) {
                for (int bit = 0; bit < 8; bit += 3) {
                    target[i] ^= (byte) (1 << bit);
                    exercise(goodDat, goodIdx);
                    target[i] ^= (byte) (1 << bit);
                }
            }
        }
    }

    private static void exercise(byte[] dat, byte[] idx) {
        try (TreePack pack = TreePack.inMemory(Path.of("in-memory", "trees"), dat, idx)) {
            pack.validate(problem -> assertTrue(problem.getMessage() != null));
            for (int i = 0; i < pack.treeCount(); i++) {
                try {
                    new TreeWalk(pack::find).files(pack.index().id(i));
                } catch (StoreException expected) {
                    // typed and located
                }
            }
        } catch (StoreException refused) {
            // refused at open, with its reason
        }
    }

    /** Reads an index in the test, independently of TreeIndex. */
    private record TreeIndexView(byte[] idx) {
        int positionOf(ObjectId id) {
            for (int i = 0; i < idx.length / 32; i++) {
                if (ObjectId.fromBytes(idx, 32 * i).equals(id)) {
                    return i;
                }
            }
            throw new AssertionError(id);
        }

        long offset(int position) {
            return ByteBuffer.wrap(idx, position * 32 + 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        long length(int position) {
            return ByteBuffer.wrap(idx, position * 32 + 24, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }
}
