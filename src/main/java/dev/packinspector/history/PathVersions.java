package dev.packinspector.history;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import java.util.List;

/**
 * The distinct versions of one path across a store's snapshots, in the order they first appear
 * (oldest snapshot first); each with the snapshots that hold it, oldest first. Immutable.
 */
public record PathVersions(String path, List<Version> versions) {
    public PathVersions {
        versions = List.copyOf(versions);
    }

    /** One version: the manifest row (object, size, mode) and the snapshots where the path has it. */
    public record Version(ManifestEntry entry, List<Snapshot> snapshots) {
        public Version {
            snapshots = List.copyOf(snapshots);
        }
    }
}
