package dev.packinspector.differential;

import dev.packinspector.differential.DifferentialSettings.Case;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tree STORE SNAPSHOT}, the walk of a snapshot's root tree in {@code trees/}, equals the
 * snapshot's manifest in the catalog (path, id, size, mode) for every snapshot of a store the real
 * chkpt wrote.
 */
@ExtendWith(RealStoresExtension.class)
class TreeWalkMatchesManifestTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySnapshotsTreeWalkIsItsManifest(Case c, RealStores stores) {
        checkTreeWalkEqualsManifest(stores.get(c));
    }

    /**
     * The hook for the tree-pack reader (package {@code dev.packinspector.store.tree}), which is
     * written on another branch: when it is merged, this walks each save's root tree and compares
     * it with {@link PackInspectorRuns#manifest} and {@code save.expected()}. Until then the check
     * is reported as skipped, with this reason, rather than passed.
     */
    static void checkTreeWalkEqualsManifest(RealStore store) {
        Assumptions.abort("no tree-pack reader on this branch yet: the tree walk of " + store.source() + " is compared once it is merged");
    }
}
