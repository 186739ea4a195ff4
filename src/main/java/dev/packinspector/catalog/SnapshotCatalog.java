package dev.packinspector.catalog;

import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * A store's snapshots and their file lists, whatever the store's format: {@link Catalog} reads
 * them from the SQLite catalog of current chkpt, {@code LegacyCatalog} from the snapshot JSON
 * files and trees of chkpt 0.1.x. What searches, histories, diffs and space reports ask of a
 * store, so they work the same on both.
 */
public interface SnapshotCatalog {
    /** Every snapshot, newest first. */
    List<Snapshot> snapshots() throws StoreException;

    /**
     * The snapshot named by {@code ref}: {@code latest} (the newest), a full id, or a unique id prefix.
     *
     * @throws UnknownSnapshotException if no snapshot, or more than one, matches
     */
    Snapshot resolve(String ref) throws StoreException;

    /** The snapshot's file list in path order (bytewise UTF-8). */
    List<ManifestEntry> files(Snapshot snapshot) throws StoreException;

    /**
     * Passes every file of every snapshot to {@code action} as (the id of the snapshot owning the
     * list, entry), one snapshot's list after another, until {@code cancelled} returns true.
     * Returns the number passed on.
     */
    long forEachManifestRow(BiConsumer<String, ? super ManifestEntry> action, BooleanSupplier cancelled) throws StoreException;

    /** The id of the snapshot whose file list {@code snapshot} has: its own, unless it shares another's. */
    String manifestOwner(Snapshot snapshot) throws StoreException;

    /**
     * {@code ref} resolved against {@code newestFirst} as {@link #resolve} resolves it, for a
     * store whose snapshots are all at hand ({@code store} is named in what is refused).
     */
    static Snapshot resolveIn(List<Snapshot> newestFirst, String ref, Path store) {
        if (ref == null || ref.isBlank()) {
            throw UnknownSnapshotException.notGiven(ref);
        }
        if (ref.equals(SnapshotLookup.LATEST)) {
            if (newestFirst.isEmpty()) {
                throw UnknownSnapshotException.noSnapshots(ref, store);
            }
            return newestFirst.getFirst();
        }
        for (Snapshot s : newestFirst) {
            if (s.id().equals(ref)) {
                return s;
            }
        }
        List<Snapshot> candidates = newestFirst.stream().filter(s -> s.id().startsWith(ref)).toList();
        if (candidates.isEmpty()) {
            throw UnknownSnapshotException.noMatch(ref, store);
        }
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        throw UnknownSnapshotException.ambiguous(ref, store, candidates.subList(0, Math.min(5, candidates.size())), candidates.size());
    }
}
