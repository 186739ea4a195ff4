package dev.packinspector.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packinspector.Fixtures;
import dev.packinspector.catalog.Catalog;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan measures the room on the target's file system (at its nearest existing folder) against
 * what it writes, and a target without room is refused before anything is written. The room comes
 * from a {@link FreeSpace} the test gives, so a "full" disk needs no full disk.
 */
class RestoreSpaceTest {
    private static final String STORE = "real/head-basic";
    @TempDir
    Path work;

    private static List<RestoreItem> newest() throws Exception {
        try (Catalog catalog = Catalog.open(Fixtures.store(STORE)).orElseThrow()) {
            var items = new ArrayList<RestoreItem>();
            catalog.files(catalog.resolve("latest")).forEach(e -> items.add(RestoreItem.of(e)));
            return items;
        }
    }

    @Test
    void aTargetWithLessRoomThanThePlanWritesIsRefusedAndNothingIsWritten() throws Exception {
        List<RestoreItem> items = newest();
        Path target = work.resolve("full/target");
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            RestorePlan plan = RestorePlanner.plan(packs, items, target, false, folder -> 1000);
            assertThat(plan.bytesToWrite()).as("the snapshot holds more than 1000 bytes").isGreaterThan(1000);
            assertThat(plan.space().fits()).isFalse();
            assertThat(plan.space().usableBytes()).isEqualTo(1000);
            assertThat(plan.space().neededBytes()).isEqualTo(plan.bytesToWrite());
            assertThat(plan.spaceProblem()).startsWith("the target's file system (at " + work + ") has 1.0 KB free but this restore needs ")
                    .endsWith("; free some space or choose a folder on another disk");

            assertThatThrownBy(() -> new Restorer(2).run(plan, RestoreListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(plan.spaceProblem());
            assertThat(work.resolve("full")).as("nothing was written, not even the target folder").doesNotExist();
        }
    }

    @Test
    void roomIsMeasuredAtTheNearestFolderThatExists() throws Exception {
        var asked = new CopyOnWriteArrayList<Path>();
        Path target = work.resolve("a/b/c");
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            RestorePlan plan = RestorePlanner.plan(packs, newest(), target, false, folder -> {
                asked.add(folder);
                return Long.MAX_VALUE;
            });
            assertThat(asked).containsExactly(work);
            assertThat(plan.space().measuredAt()).isEqualTo(work);
            assertThat(plan.space().fits()).isTrue();
            assertThat(plan.spaceProblem()).isNull();
        }
    }

    @Test
    void aPlanThatJustFitsIsNotRefusedAndRestores() throws Exception {
        List<RestoreItem> items = newest();
        Path target = work.resolve("exact");
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            long needed = RestorePlanner.plan(packs, items, target, false, folder -> Long.MAX_VALUE).bytesToWrite();
            RestorePlan plan = RestorePlanner.plan(packs, items, target, false, folder -> needed);
            assertThat(plan.spaceProblem()).isNull();
            assertThat(new Restorer(2).run(plan, RestoreListener.NONE).ok()).isTrue();
            assertThat(RestorePlanner.plan(packs, items, target, false, folder -> needed - 1).spaceProblem())
                    .as("a re-run writes nothing, so it needs no room").isNull();
        }
    }

    @Test
    void replacingFilesNeedsOnlyWhatTheyGrowByAndRoomForTheLargestNewCopy() throws Exception {
        List<RestoreItem> items = newest().stream().filter(i -> !i.symlink() && i.size() > 0).toList();
        Path target = work.resolve("replace");
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            assertThat(new Restorer(2).run(RestorePlanner.plan(packs, items, target, false), RestoreListener.NONE).ok()).isTrue();
            long largest = 0;
            for (RestoreItem i : items) {
                // the same size, other content: each file is replaced, and the folder ends as large as it is now
                byte[] other = new byte[(int) i.size()];
                java.util.Arrays.fill(other, (byte) '#');
                Files.write(target.resolve(i.path()), other);
                largest = Math.max(largest, i.size());
            }
            RestorePlan plan = RestorePlanner.plan(packs, items, target, true, folder -> Long.MAX_VALUE);
            assertThat(plan.writes()).allMatch(RestorePlan.Write::replaces).hasSize(items.size());
            assertThat(plan.space().neededBytes()).isEqualTo(largest);
            assertThat(RestorePlanner.plan(packs, items, target, false, folder -> 0).spaceProblem())
                    .as("keeping the files that differ writes nothing").isNull();
        }
    }

    @Test
    void aFileSystemThatWillNotSayHowMuchIsFreeDoesNotStopTheRestore() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            RestorePlan plan = RestorePlanner.plan(packs, newest(), work.resolve("unknown"), false, folder -> {
                throw new IOException("statvfs failed");
            });
            assertThat(plan.space().usableBytes()).isEqualTo(-1);
            assertThat(plan.spaceProblem()).isNull();
        }
    }

    @Test
    void theSystemsAnswerIsTheFileStoresUsableSpace() throws Exception {
        try (PackSet packs = PackSet.open(Fixtures.store(STORE))) {
            RestorePlan plan = RestorePlanner.plan(packs, newest(), work.resolve("real"), false);
            long usable = Files.getFileStore(work).getUsableSpace();
            // other programs write meanwhile: the same file store, within a few MB
            assertThat(plan.space().usableBytes()).isBetween(usable - (64L << 20), usable + (64L << 20));
        }
    }
}
