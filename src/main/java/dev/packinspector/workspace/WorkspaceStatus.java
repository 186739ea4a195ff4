package dev.packinspector.workspace;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.history.SnapshotDiff;
import dev.packinspector.store.tree.StatCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What changed in a workspace folder since a snapshot: the snapshot against the folder as chkpt's
 * next save would record it ({@link WorkspaceScan} under the save's {@link ChkptRules}), in the
 * terms of a diff between two snapshots (added, removed, changed in content, size or mode, renamed).
 * The save's {@code --include-deps} is taken from the snapshot: on if it holds a dependency folder.
 * Files chkpt's stat cache vouches for are not read ({@link WorkspaceScan}).
 */
public final class WorkspaceStatus {
    /** The id the folder goes by, as the diff's newer side. */
    public static final String FOLDER_ID = "folder";

    private WorkspaceStatus() {
    }

    /** {@code workspace} against {@code snapshot} (whose rows are {@code files}) of {@code store}, whose stat cache it may use. */
    public static SnapshotDiff of(Path store, Snapshot snapshot, List<ManifestEntry> files, Path workspace) throws IOException {
        boolean includeDeps = ChkptRules.includedDeps(files.stream().map(ManifestEntry::path).toList());
        List<ManifestEntry> now = WorkspaceScan.of(workspace, ChkptRules.of(workspace, includeDeps), StatCache.of(store));
        long bytes = now.stream().mapToLong(ManifestEntry::size).sum();
        var folder = new Snapshot(FOLDER_ID, OffsetDateTime.now().toString(), workspace.toString(), snapshot.id(), null, now.size(), bytes, 0, null, null);
        return SnapshotDiff.between(snapshot, files, folder, now);
    }
}
