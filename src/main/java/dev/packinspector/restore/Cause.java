package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import java.util.List;

/**
 * One cause of trouble {@code verify} found, with what it takes with it: the findings that only
 * repeat or follow from it ({@code alsoSeen}: a pack that no longer hashes to its name because an
 * object in it is damaged, the catalog's "no readable pack holds it" for each object of an
 * unreadable pack), the objects lost with it (none when an intact copy is in another pack,
 * {@code intactIn}), and the snapshot files that need those objects: the first
 * {@link VerifyCauses#FILES_LISTED} of them, and how many there are. Immutable.
 */
public record Cause(Finding finding, List<Finding> alsoSeen, List<ObjectId> lostObjects, List<AffectedFile> files, long fileCount,
        String intactIn) {

    /** A manifest entry that cannot be restored because of a cause: snapshot (the rows' owner), path, and the object it needs. */
    public record AffectedFile(String snapshot, String path, ObjectId object) {
    }

    public Cause {
        alsoSeen = List.copyOf(alsoSeen);
        lostObjects = List.copyOf(lostObjects);
        files = List.copyOf(files);
    }
}
