package dev.packinspector.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Packs over byte arrays, for the fuzz targets of {@code dev.packinspector.fuzz}: the same checks
 * and readers as a pack opened from files, with no file written or mapped per input. {@link
 * InMemoryPacksTest} keeps it equal to {@link PackSet#open(Path)} on the fixtures.
 */
public final class InMemoryPacks {
    /** Where the in-memory pack's files would be: only named in error messages. */
    public static final Path FOLDER = Path.of("in-memory", "packs");

    private InMemoryPacks() {
    }

    /**
     * The set of one pack, {@code name}, made of {@code idx} and {@code dat}: usable, or listed as
     * unreadable with its reason, as {@link PackSet#open(Path, java.util.Collection)} would list it.
     * Use and close it on the calling thread.
     */
    public static PackSet of(String name, byte[] idx, byte[] dat) {
        PackStatus status;
        try {
            status = PackStatus.opened(Pack.inMemory(FOLDER, name, dat, idx));
        } catch (StoreException e) {
            status = PackStatus.failed(name, e, dat.length);
        }
        return new PackSet(FOLDER, List.of(status));
    }
}
