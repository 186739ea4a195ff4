package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.restore.VerifyReport;
import dev.packinspector.store.ObjectId;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code verify} of a store the real chkpt wrote finds nothing wrong, and it did check every
 * object: it decoded exactly the distinct contents the workspace held across all saves (chkpt
 * deletes nothing here, so every one of them is in a pack, once).
 */
@ExtendWith(RealStoresExtension.class)
class VerifyFindsNothingInRealStoresTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifyIsCleanAndChecksEveryObject(Case c, RealStores stores) throws Exception {
        RealStore s = stores.get(c);
        VerifyReport report = PackInspectorRuns.verify(s.store());
        assertTrue(report.ok(), () -> c + ": verify reports " + report.findings());
        assertEquals(report.packs(), report.packsChecked(), "every pack is checked");
        assertEquals(0, report.incompletePacks(), "chkpt has finished every pack");
        var ids = new HashSet<ObjectId>();
        s.saves().forEach(save -> save.expected().values().forEach(e -> ids.add(e.id())));
        assertEquals(ids.size(), report.objects(), "objects decoded and hashed");
    }
}
