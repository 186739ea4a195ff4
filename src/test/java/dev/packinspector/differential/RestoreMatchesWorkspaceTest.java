package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.restore.RestoreResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pack Inspector's restore of every snapshot of a store the real chkpt wrote, into an empty folder,
 * is the workspace as it was at that save: every file with its content and permission bits (which
 * chkpt's own restore drops), every symlink with its target, and nothing else: no other file or
 * link, no folder that is not above one.
 */
@ExtendWith(RealStoresExtension.class)
class RestoreMatchesWorkspaceTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySnapshotRestoresAsTheWorkspaceWasAtItsSave(Case c, RealStores stores, @TempDir Path tmp) throws Exception {
        RealStore s = stores.get(c);
        var failures = new ArrayList<String>();
        for (RealStore.Save save : s.saves()) {
            Path target = tmp.resolve("save-" + save.number());
            RestoreResult result = PackInspectorRuns.restore(s.store(), save.snapshotId(), target);
            if (!result.ok()) {
                failures.add(save + ": the restore reports " + result.problems());
            }
            List<Differences.Difference> differences = Differences.exact(save.expected(), FolderState.scan(target));
            differences.forEach(d -> failures.add(save + ": " + d));
            differences.stream().limit(3).forEach(d -> failures.add("  edits of " + Shown.path(d.path()) + ":" + s.historyOf(d.path())));
        }
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
    }
}
