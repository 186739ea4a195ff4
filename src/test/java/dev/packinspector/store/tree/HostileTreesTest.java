package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Walks of trees no chkpt writes, served from a map (no ids to match, so cycles can be made):
 * each shape is refused with a typed problem naming the tree and the folder, never followed
 * forever; a lenient walk lists everything else. Also the sub-path walks of {@code tree STORE SNAPSHOT PATH}.
 */
class HostileTreesTest {
    private final Map<ObjectId, List<TreeEntry>> trees = new HashMap<>();
    private final TreeSource source = id -> Optional.ofNullable(trees.get(id));
    private int next;

    private ObjectId tree(TreeEntry... entries) {
        ObjectId id = new ObjectId(0, ++next);
        trees.put(id, List.of(entries));
        return id;
    }

    private static TreeEntry file(String name) {
        return new TreeEntry(name, TreeEntry.Kind.FILE, new ObjectId(1, name.hashCode()), name.length(), 0100644);
    }

    private static TreeEntry dir(String name, ObjectId id) {
        return new TreeEntry(name, TreeEntry.Kind.DIR, id, 0, 040755);
    }

    private static List<String> paths(List<TreeFile> files) {
        return files.stream().map(TreeFile::path).toList();
    }

    @Test
    void pathsAreSortedByTheirUtf8BytesNotInWalkOrder() throws Exception {
        ObjectId root = tree(dir("a", tree(file("b"))), file("a.txt"), file("\uFB01"), file("😀"), file("Z"));
        assertEquals(List.of("Z", "a.txt", "a/b", "\uFB01", "😀"), paths(new TreeWalk(source).files(root)));
    }

    @Test
    void aFolderThatContainsItselfIsRefused() throws Exception {
        ObjectId self = new ObjectId(9, 9);
        trees.put(self, List.of(file("kept"), dir("again", self)));
        ObjectId root = tree(dir("loop", self), file("top"));
        StoreException e = assertThrows(StoreException.class, () -> new TreeWalk(source).files(root));
        assertEquals(ProblemKind.TREE_STRUCTURE_INVALID, e.kind());
        assertTrue(e.getMessage().contains(self.toHex()) && e.getMessage().contains("loop/again"), e.getMessage());
        var problems = new ArrayList<StoreException>();
        assertEquals(List.of("loop/kept", "top"), paths(new TreeWalk(source).files(root, problems::add)));
        assertEquals(1, problems.size());
    }

    @Test
    void theSameSubtreeInTwoPlacesIsWalkedInBoth() throws Exception {
        ObjectId shared = tree(file("x"));
        ObjectId root = tree(dir("one", shared), dir("two", shared));
        assertEquals(List.of("one/x", "two/x"), paths(new TreeWalk(source).files(root)));
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        ObjectId deepest = tree(file("leaf"));
        ObjectId current = deepest;
        for (int i = 0; i < 10; i++) {
            current = tree(dir("d" + i, current));
        }
        ObjectId root = current;
        StoreException e = assertThrows(StoreException.class, () -> new TreeWalk(source, new TreeWalk.Limits(5, 1000)).files(root));
        assertEquals(ProblemKind.TREE_STRUCTURE_INVALID, e.kind());
        assertTrue(e.getMessage().contains("nested more than 5"), e.getMessage());
    }

    @Test
    void subtreesSharedSoOftenThatTheWalkWouldNotEndAreCutOff() {
        ObjectId current = tree(file("a"), file("b"));
        for (int i = 0; i < 60; i++) {
            current = tree(dir("x", current), dir("y", current));
        }
        ObjectId root = current; // 2^61 files in 122 trees
        StoreException e = assertThrows(StoreException.class, () -> new TreeWalk(source, new TreeWalk.Limits(4096, 100_000)).files(root));
        assertEquals(ProblemKind.TREE_STRUCTURE_INVALID, e.kind());
        assertTrue(e.getMessage().contains("100000 entries"), e.getMessage());
        var problems = new ArrayList<StoreException>();
        List<TreeFile> some = new TreeWalk(source, new TreeWalk.Limits(4096, 100_000)).files(root, problems::add);
        assertEquals(1, problems.size());
        assertTrue(some.size() < 100_000);
    }

    @Test
    void namesThatAreNoPathComponentAreReportedNotJoined() throws Exception {
        ObjectId root = tree(file(""), file("."), file(".."), file("a/b"), file("nul\0"), dir("..", tree(file("escaped"))), file("fine"));
        StoreException first = assertThrows(StoreException.class, () -> new TreeWalk(source).files(root));
        assertEquals(ProblemKind.TREE_STRUCTURE_INVALID, first.kind());
        assertTrue(first.getMessage().contains("empty name"), first.getMessage());
        var problems = new ArrayList<StoreException>();
        assertEquals(List.of("fine"), paths(new TreeWalk(source).files(root, problems::add)));
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.kind() == ProblemKind.TREE_STRUCTURE_INVALID));
    }

    @Test
    void aMissingSubtreeNamesItsIdAndFolder() {
        ObjectId gone = new ObjectId(7, 7);
        ObjectId root = tree(dir("src", tree(dir("lib", gone))), file("z"));
        StoreException e = assertThrows(StoreException.class, () -> new TreeWalk(source).files(root));
        assertEquals(ProblemKind.TREE_MISSING, e.kind());
        assertTrue(e.getMessage().contains(gone.toHex()) && e.getMessage().contains("'src/lib'"), e.getMessage());
        var problems = new ArrayList<StoreException>();
        assertEquals(List.of("z"), paths(new TreeWalk(source).files(root, problems::add)));
        StoreException root404 = assertThrows(StoreException.class, () -> new TreeWalk(source).files(gone));
        assertTrue(root404.getMessage().contains("the root folder"), root404.getMessage());
    }

    @Test
    void aSubPathIsOneFileOrEverythingInAFolderWithFullPaths() throws Exception {
        ObjectId root = tree(dir("a", tree(dir("b", tree(file("c"), file("d"))), file("e"))), file("a.txt"));
        var walk = new TreeWalk(source);
        assertEquals(List.of("a/b/c", "a/b/d", "a/e"), paths(walk.files(root, "a").orElseThrow()));
        assertEquals(List.of("a/b/c", "a/b/d"), paths(walk.files(root, "a/b/").orElseThrow()));
        assertEquals(List.of("a/b/c", "a/b/d"), paths(walk.files(root, "a//b").orElseThrow()));
        assertEquals(List.of("a/b/c"), paths(walk.files(root, "a/b/c").orElseThrow()));
        assertEquals(List.of("a.txt"), paths(walk.files(root, "a.txt").orElseThrow()));
        assertEquals(paths(walk.files(root)), paths(walk.files(root, "").orElseThrow()));
        assertEquals(Optional.empty(), walk.files(root, "nope"));
        assertEquals(Optional.empty(), walk.files(root, "a.txt/x"));
        assertEquals(Optional.empty(), walk.files(root, "a/b/c/d"));
        assertThrows(IllegalArgumentException.class, () -> walk.files(root, "a/../a.txt"));
        assertThrows(IllegalArgumentException.class, () -> walk.files(root, "./a"));
    }
}
