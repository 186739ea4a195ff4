package dev.packinspector.differential;

import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.differential.FolderState.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * A store the real chkpt wrote from a generated workspace, and what the workspace held at each
 * save. Tests only read {@code store}; anything that changes it works on a copy.
 */
record RealStore(Case source, DifferentialSettings settings, Path store, List<Save> saves) {

    /** One save: its number (1-based), chkpt's snapshot id, and the workspace's files and links right after it. */
    record Save(int number, String snapshotId, SortedMap<String, Entry> expected) {
        @Override
        public String toString() {
            return "save " + number + " (" + snapshotId + ", " + expected.size() + " paths)";
        }
    }

    RealStore {
        saves = List.copyOf(saves);
    }

    /** The scenario's edits of {@code path}, for failure messages (the scenario is made again from its seed). */
    String historyOf(String path) {
        return WorkspaceGenerator.generate(source.seed(), settings.files(), settings.saves()).historyOf(path);
    }

    @Override
    public String toString() {
        return source + " (" + store + ")";
    }
}
