package dev.packinspector.legacy;

import dev.packinspector.store.StoredObject;
import java.nio.file.Path;

/** An object of a chkpt 0.1.x store: its id, its file under {@code objects/} and that file's size. */
public record LooseObject(LegacyId id, Path file, long compressedSize) implements StoredObject {
}
