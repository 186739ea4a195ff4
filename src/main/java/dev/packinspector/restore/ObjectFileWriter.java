package dev.packinspector.restore;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoredObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

/**
 * Writes one object to a file or link in the target: decoded into a temp file beside it,
 * verified by the store's {@link ObjectSource.Decoder} (its id must be the content's hash, its
 * length the recorded size), given its permissions, then renamed into place, so a final name
 * only ever holds complete, verified content. One per worker thread: not thread-safe.
 */
final class ObjectFileWriter {
    private static final int MAX_LINK_TARGET = 4096;

    private final ObjectSource.Decoder decoder;
    /** Told of each file before a new one is renamed over it; null for none. */
    private final Restorer.Replaced replaced;

    ObjectFileWriter(ObjectSource source, Restorer.Replaced replaced) {
        this.decoder = source.decoder();
        this.replaced = replaced;
    }

    /** Writes a regular file; returns the content bytes written. */
    long writeFile(RestoreItem item, StoredObject at, Path file, BooleanSupplier cancelled) throws IOException {
        Path temp = TempFiles.next(file.getParent());
        try {
            ObjectSource.Decoded out = decoder.write(item, at, temp, cancelled);
            if (item.permissions() >= 0 && !out.hasMode()) {
                Files.setPosixFilePermissions(temp, PosixModes.permissions(item.permissions()));
            }
            moveInPlace(temp, file);
            return out.length();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Creates a symlink whose target is the object's content. */
    long writeLink(RestoreItem item, StoredObject at, Path file) throws IOException {
        if (item.size() > MAX_LINK_TARGET || at.compressedSize() > 2L * MAX_LINK_TARGET + 64) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET,
                    "symlink target is longer than " + MAX_LINK_TARGET + " bytes");
        }
        byte[] content = decoder.read(item, at);
        String linkTarget;
        try {
            linkTarget = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET, "symlink target is not UTF-8 text");
        }
        if (linkTarget.isEmpty() || linkTarget.indexOf('\0') >= 0) {
            throw new StoreException(ProblemKind.UNSUPPORTED_ENTRY, null, StoreException.NO_OFFSET, "symlink target is empty or contains NUL");
        }
        Path temp = TempFiles.next(file.getParent());
        try {
            Files.createSymbolicLink(temp, Path.of(linkTarget));
            moveInPlace(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return content.length;
    }

    private void moveInPlace(Path temp, Path file) throws IOException {
        if (replaced != null) {
            replaced.keep(file);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
