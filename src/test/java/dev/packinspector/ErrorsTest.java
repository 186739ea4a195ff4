package dev.packinspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.UnknownSnapshotException;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one sentence a user reads for an exception, on the command line and in the window. */
class ErrorsTest {

    @Test
    void aStoreProblemIsItsOwnMessageNamingFileAndOffset() {
        var e = new StoreException(dev.packinspector.store.ProblemKind.LZ4_CORRUPT, Path.of("/s/packs/pack-1.dat"), 40, "bad frame");
        assertEquals("/s/packs/pack-1.dat at offset 40: bad frame", Errors.sentence(e));
    }

    @Test
    void aStoreThatIsNoStoreSaysSo(@TempDir Path empty) {
        var e = assertThrows(StoreException.class, () -> PackSet.open(empty.resolve("nowhere")));
        assertEquals(e.getMessage(), Errors.sentence(e));
    }

    @Test
    void anUnknownSnapshotIsItsMessage() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store("basic")).orElseThrow()) {
            var e = assertThrows(UnknownSnapshotException.class, () -> catalog.resolve("ffff"));
            assertEquals("no snapshot 'ffff' in " + Fixtures.store("basic"), Errors.sentence(e));
        }
    }

    @Test
    void aBadArgumentIsItsMessage() {
        assertEquals("not an object id (32 hex digits): xyz",
                Errors.sentence(assertThrows(IllegalArgumentException.class, () -> dev.packinspector.store.ObjectId.parse("xyz"))));
    }

    @Test
    void fileSystemExceptionsSayWhatHappenedAndWhere(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.txt");
        assertEquals("no such file: " + missing, Errors.sentence(assertThrows(NoSuchFileException.class, () -> Files.readAllBytes(missing))));
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertEquals("already exists: " + file, Errors.sentence(assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(file))));
        assertEquals("not a folder: " + file, Errors.sentence(assertThrows(NotDirectoryException.class, () -> Files.list(file).close())));
        assertEquals("permission denied: /root/x", Errors.sentence(new AccessDeniedException("/root/x")));
        assertEquals("already exists: /a -> /b", Errors.sentence(new FileAlreadyExistsException("/a", "/b", null)));
    }

    @Test
    void otherFileSystemExceptionsGiveTheSystemsReason() {
        assertEquals("file name too long: /t/" + "x".repeat(300),
                Errors.sentence(new FileSystemException("/t/" + "x".repeat(300), null, "File name too long")));
        assertEquals("I/O error: /t/a", Errors.sentence(new FileSystemException("/t/a", null, "I/O error")));
        assertEquals("permission denied (read-only mount): /t/a", Errors.sentence(new AccessDeniedException("/t/a", null, "Read-only mount")));
        assertEquals("cannot use the file: /t/a", Errors.sentence(new FileSystemException("/t/a")));
    }

    @Test
    void otherIoExceptionsAreTheirMessageOrTheirName() {
        assertEquals("No space left on device", Errors.sentence(new IOException("No space left on device")));
        assertEquals("EOFException", Errors.sentence(new java.io.EOFException()));
    }

    @Test
    void wrappersGiveTheirCausesSentence() {
        Path p = Path.of("/nowhere/a");
        assertEquals("no such file: /nowhere/a", Errors.sentence(new UncheckedIOException(new NoSuchFileException(p.toString()))));
        var store = new StoreException(dev.packinspector.store.ProblemKind.UNREADABLE, p, StoreException.NO_OFFSET, "permission denied");
        assertEquals("/nowhere/a: permission denied", Errors.sentence(new ExecutionException(store)));
        assertEquals("/nowhere/a: permission denied", Errors.sentence(new java.util.concurrent.CompletionException(new UncheckedIOException(store))));
    }

    @Test
    void programmingErrorsAreNamedByTheirClass() {
        assertEquals("NullPointerException: x is null", Errors.sentence(new NullPointerException("x is null")));
        assertEquals("IllegalStateException", Errors.sentence(new IllegalStateException()));
        assertEquals("unknown error", Errors.sentence(null));
    }

    @Test
    void theSentenceIsOneLineWhateverTheMessageHolds() {
        assertEquals("no such file: /t/odd\\nname", Errors.sentence(new NoSuchFileException("/t/odd\nname")));
        assertEquals("bad\\tpath", Errors.sentence(new IllegalArgumentException("bad\tpath")));
    }
}
