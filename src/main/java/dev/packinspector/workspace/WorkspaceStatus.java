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
        return between(snapshot, files, workspace, scan(store, workspace, rules(workspace, files)));
    }

    /** The rules of chkpt's next save of {@code workspace}, after a snapshot whose rows are {@code files}. */
    public static ChkptRules rules(Path workspace, List<ManifestEntry> files) throws IOException {
        return ChkptRules.of(workspace, ChkptRules.includedDeps(files.stream().map(ManifestEntry::path).toList()));
    }

    /** The folder's rows under {@code rules}, ids taken from {@code store}'s stat cache where chkpt would. */
    public static List<ManifestEntry> scan(Path store, Path workspace, ChkptRules rules) throws IOException {
        return WorkspaceScan.of(workspace, rules, StatCache.of(store));
    }

    /** The diff from {@code snapshot}'s rows {@code files} to the folder's rows {@code now}. */
    public static SnapshotDiff between(Snapshot snapshot, List<ManifestEntry> files, Path workspace, List<ManifestEntry> now) {
        long bytes = now.stream().mapToLong(ManifestEntry::size).sum();
        var folder = new Snapshot(FOLDER_ID, OffsetDateTime.now().toString(), workspace.toString(), snapshot.id(), null, now.size(), bytes, 0, null, null);
        return SnapshotDiff.between(snapshot, files, folder, now);
    }
}
