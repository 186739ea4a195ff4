package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.differential.FolderState.Entry;
import dev.packinspector.differential.FolderState.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything chkpt's own restore gets right, Pack Inspector's restore gets right too (DESIGN.md
 * §4): each snapshot is restored by both into empty folders, and every path whose kind and content
 * (or link target) chkpt restores as the workspace had it must come out of ours the same. chkpt
 * restores no modes, so modes are left to {@link RestoreMatchesWorkspaceTest}; how many chkpt lost
 * is printed to the test's output.
 */
@ExtendWith(RealStoresExtension.class)
class RestoreMatchesRealChkptTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPathChkptRestoresRightOursRestoresRight(Case c, RealStores stores, @TempDir Path tmp) throws Exception {
        RealStore s = stores.get(c);
        ChkptBinary chkpt = ChkptBinary.require(c.writer().binary());
        var failures = new ArrayList<String>();
        for (RealStore.Save save : s.saves()) {
            Path theirs = Files.createDirectory(tmp.resolve("chkpt-save-" + save.number()));
            ChkptBinary.Result run = chkpt.restoreInto(s.store(), save.snapshotId(), theirs, tmp);
            FolderState theirState = FolderState.scan(theirs);
            Set<String> theyGotRight = Differences.contentRight(save.expected(), theirState);

            Path ours = tmp.resolve("ours-save-" + save.number());
            PackInspectorRuns.restore(s.store(), save.snapshotId(), ours);
            Set<String> weGotRight = Differences.contentRight(save.expected(), FolderState.scan(ours));

            if (theyGotRight.isEmpty() && !save.expected().isEmpty()) {
                failures.add(save + ": chkpt's own restore gave back nothing to compare with (" + run + ")");
            }
            for (String p : theyGotRight) {
                if (!weGotRight.contains(p)) {
                    failures.add(save + ": chkpt restores " + Shown.path(p) + " as " + save.expected().get(p) + ", we do not");
                }
            }
            System.out.printf("%s, %s: chkpt restore exit %d, %d of %d paths right, %d modes lost; ours %d right%n", c, save, run.exit(),
                    theyGotRight.size(), save.expected().size(), modesLost(save.expected(), theirState), weGotRight.size());
        }
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
    }

    private static long modesLost(java.util.Map<String, Entry> expected, FolderState restored) {
        return expected.entrySet().stream().filter(e -> e.getValue().kind() == Kind.FILE).filter(e -> {
            Entry got = restored.entries().get(e.getKey());
            return got != null && got.permissions() != e.getValue().permissions();
        }).count();
    }
}
