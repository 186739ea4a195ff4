package dev.packinspector.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freedesktop.org trash: names, info files, links kept for replaced files, and a volume's own trash. */
class TrashTest {
    @Test
    void anItemMovesInWithAnInfoFileNamingWhereItWas(@TempDir Path tmp) throws IOException {
        Path home = tmp.resolve("home/.local/share/Trash");
        Path file = write(tmp.resolve("ws/a name & 100%.txt"), "content");
        Trash.Item item = new Trash(home, 1000).moveIn(file);
        assertFalse(Files.exists(file));
        assertEquals("content", Files.readString(item.file()));
        assertEquals(home.resolve("files/a name & 100%.txt"), item.file());
        List<String> info = Files.readAllLines(item.info());
        assertEquals("[Trash Info]", info.get(0));
        assertEquals("Path=" + tmp.toAbsolutePath().toString().replace(" ", "%20") + "/ws/a%20name%20%26%20100%25.txt", info.get(1));
        assertTrue(info.get(2).matches("DeletionDate=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), info.get(2));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("info"))));
    }

    @Test
    void aSecondItemOfTheSameNameGetsANumberAndAFolderMovesWhole(@TempDir Path tmp) throws IOException {
        var trash = new Trash(tmp.resolve("Trash"), 1000);
        Path first = trash.moveIn(write(tmp.resolve("a/notes.md"), "one")).file();
        Path second = trash.moveIn(write(tmp.resolve("b/notes.md"), "two")).file();
        write(tmp.resolve("c/notes.md/inner.txt"), "three");
        Path third = trash.moveIn(tmp.resolve("c/notes.md")).file();
        assertEquals(List.of("notes.md", "notes.2.md", "notes.3.md"), List.of(first, second, third).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("two", Files.readString(second));
        assertEquals("three", Files.readString(third.resolve("inner.txt")));
        assertTrue(Files.readString(tmp.resolve("Trash/info/notes.3.md.trashinfo")).contains("/c/notes.md\n"));
    }

    @Test
    void aNameTooLongForAnInfoFileIsCutInTheTrashOnly(@TempDir Path tmp) throws IOException {
        String name = "é".repeat(120) + ".txt"; // 244 bytes: with ".trashinfo" over 255
        Path file = write(tmp.resolve(name), "x");
        Trash.Item item = new Trash(tmp.resolve("Trash"), 1000).moveIn(file);
        assertTrue(item.info().getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255);
        assertTrue(name.startsWith(item.name()), item.name());
        assertTrue(Files.readString(item.info()).contains("/" + "%C3%A9".repeat(120) + ".txt\n"));
    }

    @Test
    void aNameThatIsNotUtf8IsRecordedByItsBytes(@TempDir Path tmp) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf x > \"$(printf 'caf\\351.txt')\"").directory(tmp.toFile()).start();
        assertEquals(0, p.waitFor());
        Path file;
        try (var files = Files.list(tmp)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("caf")).findFirst().orElseThrow();
        }
        Trash.Item item = new Trash(tmp.resolve("Trash"), 1000).moveIn(file);
        assertTrue(Files.readString(item.info()).contains("/caf%E9.txt\n"), Files.readString(item.info()));
        assertEquals("x", Files.readString(item.file()));
    }

    @Test
    void aReplacedFileKeepsItsContentInTheTrashThroughALink(@TempDir Path tmp) throws IOException {
        var trash = new Trash(tmp.resolve("Trash"), 1000);
        Path file = write(tmp.resolve("ws/f.txt"), "old");
        Trash.Item item = trash.keepCopy(file);
        Files.writeString(tmp.resolve("ws/new"), "new");
        Files.move(tmp.resolve("ws/new"), file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals("old", Files.readString(item.file()));
        assertEquals("new", Files.readString(file));
        Path link = tmp.resolve("ws/link");
        Files.createSymbolicLink(link, Path.of("/nowhere"));
        assertEquals(Path.of("/nowhere"), Files.readSymbolicLink(trash.keepCopy(link).file()), "a link is kept as a link");
        assertNull(trash.keepCopy(tmp.resolve("ws/absent")));
    }

    @Test
    void aFileOnAnotherFileSystemGoesToThatVolumesTrash(@TempDir Path tmp) throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(tmp, "unix:dev")), "no second file system at /dev/shm");
        Path top = Trash.topdirOf(shm.resolve("x"));
        Path work = Files.createTempDirectory(shm, "trash-test-");
        long uid = 4_000_000_000L + ProcessHandle.current().pid(); // a uid of our own, so a real user's trash is never touched
        Path volumeTrash = top.resolve(".Trash-" + uid);
        try {
            Path file = write(work.resolve("f.txt"), "on tmpfs");
            Trash.Item item = new Trash(tmp.resolve("home/Trash"), uid).moveIn(file);
            assertEquals(volumeTrash, item.folder());
            assertEquals("on tmpfs", Files.readString(item.file()));
            String relative = top.relativize(work.resolve("f.txt")).toString();
            assertTrue(Files.readString(item.info()).contains("\nPath=" + relative + "\n"), Files.readString(item.info()));
            assertFalse(Files.exists(tmp.resolve("home/Trash"), LinkOption.NOFOLLOW_LINKS), "the home trash is left alone");
        } finally {
            deleteTree(volumeTrash);
            deleteTree(work);
        }
    }

    @Test
    void escapingKeepsUnreservedCharactersAndSlashes() {
        assertEquals("/a-b_c.d~e/%20%25%C3%A9", Trash.escape("/a-b_c.d~e/ %\u00e9".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/x%FF%0A", Trash.escape(new byte[] {'/', 'x', (byte) 0xff, '\n'}));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
