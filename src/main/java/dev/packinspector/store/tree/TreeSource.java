package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link TreeWalk} gets trees: a {@link TreeStore}, a {@link TreePack}, or a test's map.
 * {@link TreeStore} and {@link TreePack} are thread-safe sources; a walk is as thread-safe as its source.
 */
@FunctionalInterface
public interface TreeSource {
    /**
     * The entries of tree {@code id}, or empty if this source does not hold it.
     *
     * @throws StoreException if it holds the tree but cannot read it, or cannot look at all
     */
    Optional<List<TreeEntry>> find(ObjectId id) throws StoreException;
}
