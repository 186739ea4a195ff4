package dev.packinspector.app.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packinspector.app.common.Format;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the restore dialogs call what they restore: a snapshot by its time and message, a selection by its file or its count. */
class RestoreNamesTest {
    private static final ObjectId A = ObjectId.parse("00000000000000000000000000000001");
    private static final Snapshot SAVED = new Snapshot("019b7711-987b-7fde-8880-4df361597a77", "2026-12-01T14:03:07+00:00", "before refactor",
            null, null, 0, 0, 0, null, null);

    @Test
    void aSnapshotIsNamedByItsTimeAndMessageNotItsId() {
        assertThat(RestoreFlow.name(SAVED)).isEqualTo("snapshot " + Format.time(SAVED.createdAt()) + " · before refactor");
        Snapshot silent = new Snapshot("019b7711-987b-7fde-8880-4df361597a77", "2026-12-01T14:03:07+00:00", null, null, null, 0, 0, 0, null, null);
        assertThat(RestoreFlow.name(silent)).isEqualTo("snapshot " + Format.time(silent.createdAt()));
    }

    @Test
    void aSelectionIsNamedByItsFileOrItsCountAndItsSnapshot() {
        var one = new ManifestEntry("src/main.rs", A, 10, 0100644, null);
        String of = RestoreFlow.name(SAVED);
        assertThat(RestoreFlow.name(SAVED, List.of(one))).isEqualTo("src/main.rs from " + of);
        assertThat(RestoreFlow.name(SAVED, Collections.nCopies(1204, one))).isEqualTo("1,204 files of " + of);
        Snapshot damaged = new Snapshot("x1", "?", null, null, null, 0, 0, 0, null, null);
        assertThat(RestoreFlow.name(damaged, List.of(one, one))).isEqualTo("2 files of snapshot ?");
    }
}
