package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.differential.FolderState.Entry;
import dev.packinspector.differential.FolderState.Kind;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.restore.FreeSpace;
import dev.packinspector.restore.LooseObjects;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.Restorer;
import dev.packinspector.workspace.ChkptHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stores the published chkpt 0.1.2 writes from generated workspaces (awkward names, sizes and
 * histories, {@link WorkspaceGenerator}), each snapshot restored by chkpt 0.1.2 and by us into
 * empty folders: every path chkpt's restore gets right, ours gets right too; and every file the
 * snapshot holds under the workspace's own name comes back with its content and its permission
 * bits, which chkpt 0.1.2 never restores. The store is never written.
 */
class LegacyRestoreMatchesChkptTest {
    private static final String LEGACY = "chkpt-0.1.2";

    static LongStream seeds() {
        DifferentialSettings s = DifferentialSettings.fromSystemProperties();
        return LongStream.range(s.firstSeed(), s.firstSeed() + s.seeds());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPathChkptRestoresRightOursRestoresRightWithItsMode(long seed, @TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(LEGACY);
        DifferentialSettings settings = DifferentialSettings.fromSystemProperties();
        Scenario scenario = WorkspaceGenerator.generate(seed, settings.files(), settings.saves());
        Path home = Files.createDirectory(tmp.resolve("home"));
        var workspace = new Workspace(tmp.resolve("workspace"));
        var saves = new ArrayList<RealStore.Save>();
        for (int i = 0; i < scenario.rounds().size(); i++) {
            Round round = scenario.rounds().get(i);
            workspace.apply(round, i + 1);
            Thread.sleep(3); // snapshot ids are UUIDv7s: each save its own millisecond
            saves.add(new RealStore.Save(i + 1, chkpt.save(workspace.root(), home, round.message(), 0), FolderState.scan(workspace.root()).entries()));
        }
        Path store = ChkptBinary.storeIn(home);
        var fingerprint = StoreFingerprint.of(store);
        LegacyStore legacy = LegacyStore.open(store);
        var failures = new ArrayList<String>();
        for (RealStore.Save save : saves) {
            Path theirs = Files.createDirectory(tmp.resolve("chkpt-save-" + save.number()));
            ChkptBinary.Result run = chkpt.restoreInto(store, save.snapshotId(), theirs, tmp, ChkptHome.legacyProjectId(theirs.toRealPath()));
            Set<String> theyGotRight = Differences.contentRight(save.expected(), FolderState.scan(theirs));

            Path ours = tmp.resolve("ours-save-" + save.number());
            LegacyWalk.Files walked = new LegacyWalk(legacy).of(legacy.resolve(save.snapshotId()));
            var result = new Restorer(2).run(RestorePlanner.plan(new LooseObjects(legacy), LooseObjects.items(walked), ours, false, FreeSpace.SYSTEM),
                    RestoreListener.NONE);
            FolderState ourState = FolderState.scan(ours);
            Set<String> weGotRight = Differences.contentRight(save.expected(), ourState);
            if (!result.problems().isEmpty() || !walked.problems().isEmpty()) {
                failures.add(save + ": our restore reported " + result.problems() + walked.problems());
            }
            for (String p : theyGotRight) {
                if (!weGotRight.contains(p)) {
                    failures.add(save + ": chkpt restores " + Shown.path(p) + " as " + save.expected().get(p) + ", we do not");
                }
            }
            int stored = 0;
            for (LegacyWalk.File f : walked.files()) {
                Entry want = save.expected().get(f.path());
                if (want == null || want.kind() != Kind.FILE) {
                    continue; // a name chkpt 0.1.x rewrote (backslash, not UTF-8): restored as stored, nothing to compare with
                }
                stored++;
                Entry got = ourState.entries().get(f.path());
                if (got == null || !got.sameContent(want) || got.permissions() != want.permissions()) {
                    failures.add(save + ": " + Shown.path(f.path()) + " should be " + want + ", ours is " + got);
                }
            }
            System.out.printf("seed %d, %s: chkpt 0.1.2 restore exit %d, %d of %d paths right; ours %d right, %d files with their modes%n", seed,
                    save, run.exit(), theyGotRight.size(), save.expected().size(), weGotRight.size(), stored);
        }
        assertTrue(fingerprint.equals(StoreFingerprint.of(store)), "the store is untouched");
        assertTrue(failures.isEmpty(), () -> "seed " + seed + ":\n  " + String.join("\n  ", failures));
    }

    /**
     * chkpt 0.1.2 stores a backslash in a name as '/', which writes empty and repeated names into
     * its trees (a whole tree refused for them would lose every file beside them). Each stored
     * file comes back where chkpt's own restore puts it, or under its old name where chkpt's
     * restore stops ("Is a directory"), or is refused naming its object: none goes silently.
     */
    @org.junit.jupiter.api.Test
    void namesWithBackslashesComeBackWhereChkptPutsThemAndNoneGoesSilently(@TempDir Path tmp) throws Exception {
        ChkptBinary chkpt = ChkptBinary.require(LEGACY);
        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Files.writeString(workspace.resolve("\\lead"), "backslash lead\n");
        Files.writeString(workspace.resolve("lead"), "plain lead\n");
        Files.writeString(workspace.resolve("trail\\"), "trailing\n");
        Files.writeString(workspace.resolve("mid\\dle"), "middle\n");
        Files.createDirectory(workspace.resolve("d"));
        Files.writeString(workspace.resolve("d/\\x"), "inner x\n");
        Files.writeString(workspace.resolve("d/x"), "plain x\n");
        Files.writeString(workspace.resolve("d/\\only"), "only\n");
        Path home = Files.createDirectory(tmp.resolve("home"));
        String id = chkpt.save(workspace, home, "backslashes", 0);
        Path store = ChkptBinary.storeIn(home);
        var fingerprint = StoreFingerprint.of(store);
        LegacyStore legacy = LegacyStore.open(store);
        LegacyWalk.Files walked = new LegacyWalk(legacy).of(legacy.resolve(id));
        assertTrue(walked.problems().isEmpty(), walked.problems().toString());

        Path ours = tmp.resolve("ours");
        var plan = RestorePlanner.plan(new LooseObjects(legacy), LooseObjects.items(walked), ours, false, FreeSpace.SYSTEM);
        var result = new Restorer(2).run(plan, RestoreListener.NONE);
        assertEquals("middle\n", Files.readString(ours.resolve("mid/dle")), "as chkpt's restore puts it");
        assertEquals("only\n", Files.readString(ours.resolve("d/only")), "an empty-named folder's file is in the folder around it");
        assertEquals("plain x\n", Files.readString(ours.resolve("d/x")), "the folder's own entry comes first");
        assertEquals("trailing\n", Files.readString(ours.resolve("trail\\")), "a name that ended in a backslash gets it back");
        assertTrue(Set.of("plain lead\n", "backslash lead\n").contains(Files.readString(ours.resolve("lead"))));
        var refused = result.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.stream().anyMatch(p -> p.startsWith("d/x: chkpt 0.1.x stored two files under this path")), refused.toString());
        assertTrue(refused.stream().anyMatch(p -> p.startsWith("lead: ") && p.contains("object ") && p.contains("extract")), refused.toString());
        assertTrue(fingerprint.equals(StoreFingerprint.of(store)), "the store is untouched");
    }
}
