package dev.packinspector.app.session;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.history.StoreIndex;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The {@link StoreIndex} of the open store, built in the background each time a store is opened
 * (the views that ask across snapshots wait for it), with a line saying how far it is. Another
 * store drops it at once. Only the FX thread touches it.
 */
public final class StoreInsight {
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<StoreIndex> index = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final Tasks.Latest building = new Tasks.Latest();

    /** The index of {@code session}'s store, whichever is open. */
    public StoreInsight(Tasks tasks, ObservableValue<StoreSession> session) {
        this.tasks = tasks;
        session.addListener((obs, old, now) -> load(now));
    }

    private void load(StoreSession session) {
        building.cancel();
        index.set(null);
        if (session == null) {
            state.set("");
            return;
        }
        if (session.catalog().isEmpty()) {
            state.set(session.catalogProblem() != null ? "The catalog cannot be read: " + session.catalogProblem()
                    : "This store has no catalog, so no snapshots to search");
            return;
        }
        state.set("Reading the catalog…");
        long start = System.nanoTime();
        tasks.job("Indexing snapshots", p -> StoreIndex.build(session.catalog().get(), p::isCancelled, rows -> p.message(Format.count(rows, "row") + " read")))
                .quiet().in(building).onSuccess(built -> {
                    state.set(Format.count(built.pathCount(), "path") + " in " + Format.count(built.snapshots().size(), "snapshot") + " · "
                            + Format.count(built.rowCount(), "row") + String.format(java.util.Locale.ROOT, " read in %.1f s", (System.nanoTime() - start) / 1e9));
                    index.set(built);
                }).onError(Exception.class, e -> state.set("The catalog cannot be indexed: " + Errors.sentence(e))).run();
    }

    /** The index, null while it is built (or cannot be). */
    public ReadOnlyObjectProperty<StoreIndex> index() {
        return index.getReadOnlyProperty();
    }

    /** How far the index is, in words. */
    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }
}
