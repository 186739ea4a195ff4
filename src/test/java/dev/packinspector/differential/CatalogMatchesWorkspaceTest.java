package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.differential.FolderState.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog of a store the real chkpt wrote lists, for every snapshot, exactly the workspace's
 * files and links at that save: path, content id, size and full mode. The restore tests build on
 * this: a path the catalog lacks would be chkpt's doing (or the generator's), not the restore's.
 */
@ExtendWith(RealStoresExtension.class)
class CatalogMatchesWorkspaceTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySnapshotListsWhatTheWorkspaceHeldAtItsSave(Case c, RealStores stores) throws Exception {
        RealStore s = stores.get(c);
        var failures = new ArrayList<String>();
        for (RealStore.Save save : s.saves()) {
            var listed = new TreeMap<String, ManifestEntry>();
            for (ManifestEntry e : PackInspectorRuns.manifest(s.store(), save.snapshotId())) {
                if (listed.put(e.path(), e) != null) {
                    failures.add(save + ": " + Shown.path(e.path()) + " is listed twice");
                }
            }
            for (var want : save.expected().entrySet()) {
                ManifestEntry got = listed.remove(want.getKey());
                Entry w = want.getValue();
                if (got == null) {
                    failures.add(save + ": the catalog lacks " + Shown.path(want.getKey()) + " (" + w + ")");
                } else if (!got.usable() || !got.blob().equals(w.id()) || got.size() != w.size() || got.mode() != w.mode()) {
                    failures.add(save + ": " + Shown.path(want.getKey()) + " is listed as " + got + ", the workspace had " + w
                            + " id " + w.id() + " mode " + Integer.toOctalString(w.mode()));
                }
            }
            listed.keySet().forEach(p -> failures.add(save + ": the catalog lists " + Shown.path(p) + ", which the workspace did not hold"));
        }
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
    }
}
