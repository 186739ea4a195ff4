package dev.packinspector.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.Fixtures;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan lists its files pack by pack, each front to back, and its links after them (a store the real chkpt wrote, two packs). */
class ReadingOrderTest {
    @Test
    void writesComeInPackOrderThenOffsetWithLinksLast(@TempDir Path target) throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store("real/head-basic").resolve("packs"))) {
            List<Pack> order = packs.readablePacks();
            assertTrue(order.size() >= 2, "the fixture has two packs");
            var items = new ArrayList<RestoreItem>();
            int n = 0;
            for (Pack p : order) {
                for (int i = 0; i < p.index().count(); i++) {
                    ObjectId id = p.index().id(i);
                    boolean link = n++ % 5 == 0 && p.index().length(i) < 200;
                    items.add(new RestoreItem((link ? "link-" : "file-") + n, id, -1, link ? 0120777 : 0100644, null));
                }
            }
            Collections.shuffle(items, new Random(18));
            RestorePlan plan = RestorePlanner.plan(packs, items, target, false);
            List<RestorePlan.Write> writes = plan.writes();
            assertEquals(items.size() - plan.refused().size(), writes.size());
            assertTrue(writes.stream().anyMatch(w -> w.item().symlink()) && writes.stream().anyMatch(w -> !w.item().symlink()));
            for (int i = 1; i < writes.size(); i++) {
                RestorePlan.Write a = writes.get(i - 1);
                RestorePlan.Write b = writes.get(i);
                String where = a.item().path() + " before " + b.item().path();
                assertTrue(!a.item().symlink() || b.item().symlink(), "links last: " + where);
                if (a.item().symlink() == b.item().symlink()) {
                    var la = (ObjectLocation) a.location();
                    var lb = (ObjectLocation) b.location();
                    int pa = order.indexOf(la.pack());
                    int pb = order.indexOf(lb.pack());
                    assertTrue(pa < pb || (pa == pb && la.offset() < lb.offset()), where);
                }
            }
        }
    }
}
