package dev.packinspector.store;

import java.io.IOException;

/**
 * Reads content by its id, whatever the store's format: {@link PackSet} for the packs of current
 * chkpt, {@code LegacyObjects} for the loose objects of chkpt 0.1.x. Each read is checked against
 * the id before it is handed on.
 */
public interface ContentReader {
    /**
     * The whole content of {@code id}, checked against it.
     *
     * @throws StoreException {@link ProblemKind#OBJECT_NOT_FOUND} if the store holds no such object
     *     (an id of another format's kind is never held), or why its bytes cannot be trusted
     */
    byte[] read(ContentId id) throws IOException;
}
