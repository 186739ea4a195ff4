package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.differential.DifferentialSettings.Case;
import dev.packinspector.differential.FolderState.Entry;
import dev.packinspector.restore.SnapshotFiles;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.workspace.ChkptRules;
import dev.packinspector.workspace.Rollback;
import dev.packinspector.workspace.RollbackPlan;
import dev.packinspector.workspace.RollbackPlanner;
import dev.packinspector.workspace.Trash;
import dev.packinspector.workspace.WorkspaceStatus;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rollback of a folder holding the last save of a generated workspace (awkward names, file ↔
 * folder ↔ link swaps, modes; stores the real chkpt wrote) to each earlier snapshot leaves exactly
 * that snapshot's files, links, permissions and folders; everything it took away or replaced is in
 * the trash with its old content, under a {@code .trashinfo} naming where it was; the store is not
 * touched. A rollback of some paths changes those paths only (and what stood in their way).
 */
@ExtendWith(RealStoresExtension.class)
class RollbackMatchesSnapshotsTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rollingBackToEachSnapshotGivesItBack(Case c, RealStores stores, @TempDir Path tmp) throws Exception {
        RealStore s = stores.get(c);
        var fingerprint = StoreFingerprint.of(s.store());
        RealStore.Save last = s.saves().getLast();
        var failures = new ArrayList<String>();
        for (RealStore.Save save : s.saves()) {
            Path ws = Files.createDirectory(tmp.resolve("ws-" + save.number()));
            Path trashHome = tmp.resolve("trash-" + save.number()).resolve("Trash");
            PackInspectorRuns.restore(s.store(), last.snapshotId(), ws);
            FolderState before = FolderState.scan(ws);
            Rollback.Result result = rollBack(s.store(), save.snapshotId(), ws, trashHome, List.of());
            if (!result.ok()) {
                failures.add(save + ": the rollback reports " + result.problems());
            }
            Differences.exact(save.expected(), FolderState.scan(ws)).forEach(d -> failures.add(save + ": " + d));
            Map<String, Entry> trashed = trashed(trashHome, ws);
            for (var e : before.entries().entrySet()) {
                Entry kept = save.expected().get(e.getKey());
                boolean replaced = kept == null || !kept.sameContent(e.getValue());
                Entry inTrash = trashed.remove(e.getKey());
                if (replaced && (inTrash == null || !inTrash.sameContent(e.getValue()))) {
                    failures.add(save + ": " + Shown.path(e.getKey()) + " (" + e.getValue() + ") went, but the trash has " + inTrash);
                } else if (!replaced && inTrash != null) {
                    failures.add(save + ": " + Shown.path(e.getKey()) + " was the snapshot's already, but is in the trash");
                }
            }
            trashed.keySet().forEach(p -> failures.add(save + ": the trash has " + Shown.path(p) + ", which the folder did not hold"));
        }
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
        assertEquals(fingerprint, StoreFingerprint.of(s.store()), "the store is untouched");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rollingBackSomePathsChangesThoseOnly(Case c, RealStores stores, @TempDir Path tmp) throws Exception {
        RealStore s = stores.get(c);
        RealStore.Save first = s.saves().getFirst();
        RealStore.Save last = s.saves().getLast();
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        PackInspectorRuns.restore(s.store(), last.snapshotId(), ws);
        FolderState before = FolderState.scan(ws);
        // a top-level entry of either side, and one file of the first snapshot
        var random = new SplittableRandom(c.seed());
        var tops = new ArrayList<String>();
        before.entries().keySet().forEach(p -> tops.add(p.split("/")[0]));
        first.expected().keySet().forEach(p -> tops.add(p.split("/")[0]));
        var firstPaths = new ArrayList<>(first.expected().keySet());
        List<String> chosen = List.of(tops.get(random.nextInt(tops.size())), firstPaths.get(random.nextInt(firstPaths.size())));
        Rollback.Result result = rollBack(s.store(), first.snapshotId(), ws, tmp.resolve("trash").resolve("Trash"), chosen);
        FolderState after = FolderState.scan(ws);
        var failures = new ArrayList<String>();
        if (!result.ok()) {
            failures.add("the rollback reports " + result.problems());
        }
        var paths = new java.util.TreeSet<String>(before.entries().keySet());
        paths.addAll(first.expected().keySet());
        paths.addAll(after.entries().keySet());
        for (String p : paths) {
            boolean asked = chosen.stream().anyMatch(k -> p.equals(k) || p.startsWith(k + "/"));
            Entry want = asked ? first.expected().get(p) : before.entries().get(p);
            Entry got = after.entries().get(p);
            boolean inTheWay = !asked && want != null && first.expected().keySet().stream()
                    .anyMatch(k -> k.startsWith(p + "/") && chosen.stream().anyMatch(a -> k.equals(a) || k.startsWith(a + "/")));
            if (inTheWay ? got != null : !same(want, got)) {
                failures.add(Shown.path(p) + (asked ? " (asked for)" : "") + ": expected " + (inTheWay ? "gone" : want) + ", got " + got);
            }
        }
        assertTrue(failures.isEmpty(), () -> c + ", paths " + chosen.stream().map(Shown::path).toList() + ":\n  " + String.join("\n  ", failures));
    }

    private static boolean same(Entry want, Entry got) {
        if (want == null || got == null) {
            return want == got;
        }
        return want.sameContent(got) && (want.kind() != FolderState.Kind.FILE || want.permissions() == got.permissions());
    }

    /** The rollback of {@code ws} to {@code snapshotId}, wired as {@code cli/RollbackCommand} wires it. */
    static Rollback.Result rollBack(Path store, String snapshotId, Path ws, Path trashHome, List<String> paths) throws IOException {
        Trash trash = new Trash(trashHome, 0);
        try (Catalog catalog = Catalog.open(store).orElseThrow(); TreeStore trees = TreeStore.open(store); PackSet packs = PackSet.open(store)) {
            Snapshot s = catalog.resolve(snapshotId);
            List<ManifestEntry> files = SnapshotFiles.of(catalog, trees, s);
            ChkptRules rules = WorkspaceStatus.rules(ws, files);
            List<ManifestEntry> now = WorkspaceStatus.scan(store, ws, rules);
            RollbackPlan plan = RollbackPlanner.plan(ws, s, files, now, rules, paths, List.of(trashHome, store));
            return new Rollback(trash, 2).run(plan, packs, new Rollback.Listener() {
            });
        }
    }

    /** What the trash holds, by the path under {@code ws} its {@code .trashinfo} says it came from (a folder's entries beneath it). */
    static Map<String, Entry> trashed(Path trashHome, Path ws) throws IOException {
        var out = new TreeMap<String, Entry>();
        Path info = trashHome.resolve("info");
        if (!Files.isDirectory(info)) {
            return out;
        }
        String prefix = ws.toRealPath() + "/";
        Map<String, Entry> files = FolderState.scan(trashHome.resolve("files")).entries();
        try (var infos = Files.list(info)) {
            for (Path i : infos.filter(i -> i.getFileName().toString().endsWith(".trashinfo")).toList()) { // as file managers read it
                List<String> lines = Files.readAllLines(i, StandardCharsets.UTF_8);
                assertEquals("[Trash Info]", lines.get(0), i.toString());
                assertTrue(lines.get(2).matches("DeletionDate=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), lines.get(2));
                String original = URLDecoder.decode(lines.get(1).substring("Path=".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
                assertTrue(original.startsWith(prefix), original);
                String fileName = i.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".trashinfo".length());
                String path = original.substring(prefix.length());
                files.forEach((p, e) -> {
                    if (p.equals(name)) {
                        out.put(path, e);
                    } else if (p.startsWith(name + "/")) {
                        out.put(path + p.substring(name.length()), e);
                    }
                });
            }
        }
        return out;
    }
}
