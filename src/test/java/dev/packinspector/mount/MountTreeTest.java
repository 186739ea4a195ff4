package dev.packinspector.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The folders a mount shows: names, what is left out and said, and what a refresh keeps. */
class MountTreeTest {
    private static final ObjectId BLOB = ObjectId.of("x".getBytes());

    private static Snapshot snapshot(String id, String at, String message) {
        return new Snapshot(id, at, message, null, null, 0, 0, 0, null, null);
    }

    private static ManifestEntry file(String path) {
        return new ManifestEntry(path, BLOB, 1, 0100644, null);
    }

    @Test
    void rowsTheRestoreRuleRefusesAreLeftOutAndSaid() {
        var said = new ArrayList<String>();
        var s = snapshot("019b0000-0000-7000-8000-000000000001", "2026-12-01T10:00:00Z", "first");
        var tree = new MountTree(List.of(s), x -> List.of(file("a/ok.txt"), file("../escape"), file("a/../b"), file("a/ok.txt"),
                file("a/ok.txt/under"), new ManifestEntry("bad", BLOB, 1, 0100644, "its blob hash is not hex")), null, said::add, null);
        assertInstanceOf(MountTree.Row.class, tree.find("/by-id/" + s.id() + "/a/ok.txt"));
        assertNull(tree.find("/by-id/" + s.id() + "/bad"));
        assertEquals(5, said.size(), said::toString);
        assertTrue(said.stream().allMatch(l -> l.startsWith("left out of " + MountTree.nameOf(s) + ": ")), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.contains("../escape")), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.contains("not hex")), said::toString);
    }

    @Test
    void aRefreshedTreeKeepsTheFoldersOfSnapshotsItStillHasAndAddsTheNew() {
        var one = snapshot("019b0000-0000-7000-8000-000000000001", "2026-12-01T10:00:00Z", "same message");
        var two = snapshot("019b0000-0000-7000-8000-000000000002", "2026-12-01T10:00:00Z", "same message");
        var listed = new AtomicInteger();
        var before = new MountTree(List.of(one), x -> {
            listed.incrementAndGet();
            return List.of(file("f"));
        }, null, l -> { }, null);
        MountTree.Node oneDir = before.find("/by-id/" + one.id());
        assertInstanceOf(MountTree.Row.class, before.find("/by-id/" + one.id() + "/f"));
        var after = new MountTree(List.of(two, one), x -> {
            listed.incrementAndGet();
            return List.of(file("g"));
        }, null, l -> { }, before);
        assertSame(oneDir, after.find("/by-id/" + one.id()), "the folder, and what it read, is kept");
        assertInstanceOf(MountTree.Row.class, after.find("/by-id/" + one.id() + "/f"));
        assertInstanceOf(MountTree.Row.class, after.find("/by-id/" + two.id() + "/g"));
        assertEquals(2, listed.get(), "each snapshot listed once");
        String name = MountTree.nameOf(two);
        assertEquals(name, ((MountTree.Link) after.find("/latest")).target());
        assertInstanceOf(MountTree.Dir.class, after.find("/" + name + " (2)"), "the same time and message get a number");
    }
}
