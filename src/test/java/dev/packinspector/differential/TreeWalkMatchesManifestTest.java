package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.differential.FolderState.Entry;
import dev.packinspector.store.tree.TreeFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The walk of each snapshot's root tree in {@code trees/} (what {@code tree STORE SNAPSHOT}
 * prints) equals the snapshot's manifest in the catalog, row for row in path order (path, id,
 * size, mode), and the workspace as it was at that save, for every snapshot of a store the real
 * chkpt wrote.
 */
@ExtendWith(RealStoresExtension.class)
class TreeWalkMatchesManifestTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySnapshotsTreeWalkIsItsManifest(Case c, RealStores stores) throws Exception {
        RealStore s = stores.get(c);
        var failures = new ArrayList<String>();
        for (RealStore.Save save : s.saves()) {
            List<TreeFile> walked = PackInspectorRuns.treeWalk(s.store(), save.snapshotId());
            List<ManifestEntry> manifest = PackInspectorRuns.manifest(s.store(), save.snapshotId());
            if (walked.size() != manifest.size()) {
                failures.add(save + ": the tree lists " + walked.size() + " files, the manifest " + manifest.size());
            }
            for (int i = 0; i < Math.min(walked.size(), manifest.size()); i++) {
                TreeFile t = walked.get(i);
                ManifestEntry m = manifest.get(i);
                if (!t.path().equals(m.path()) || !t.id().equals(m.blob()) || t.size() != m.size() || t.unsignedMode() != m.mode()) {
                    failures.add(save + ": row " + i + " of the tree is " + t + ", of the manifest " + m);
                }
            }
            var expected = new TreeMap<>(save.expected());
            for (TreeFile t : walked) {
                Entry w = expected.remove(t.path());
                if (w == null) {
                    failures.add(save + ": the tree lists " + Shown.path(t.path()) + ", which the workspace did not hold");
                } else if (!t.id().equals(w.id()) || t.size() != w.size() || t.mode() != w.mode()) {
                    failures.add(save + ": the tree lists " + Shown.path(t.path()) + " as " + t + ", the workspace had " + w);
                }
            }
            expected.keySet().forEach(p -> failures.add(save + ": the tree lacks " + Shown.path(p)));
        }
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
    }
}
