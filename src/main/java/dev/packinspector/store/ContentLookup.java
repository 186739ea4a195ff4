package dev.packinspector.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What find-by-content asks of a store, whatever its format: the id its format gives a local
 * file's content, and where it keeps an object. {@link PackSet} answers for current stores, the
 * loose objects of chkpt 0.1.x for theirs.
 */
public interface ContentLookup {
    /** The id this store's format gives the content of the regular file {@code file}. */
    ContentId idOfFile(Path file) throws IOException;

    /** The names of the packs holding {@code id}, in pack order; empty when none does (or the store keeps no packs). */
    List<String> packsHolding(ContentId id);

    /** True if the store keeps {@code id} as a loose object, a file of its own. */
    boolean holdsLoose(ContentId id);
}
