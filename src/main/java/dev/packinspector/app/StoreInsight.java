package dev.packinspector.app;

import dev.packinspector.history.StoreIndex;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The {@link StoreIndex} of the open store, built once per open in the background (the views
 * that ask across snapshots wait for it), with a line saying how far it is. Only the FX thread
 * touches it.
 */
final class StoreInsight {
    private final TaskPanel tasks;
    private final ReadOnlyObjectWrapper<StoreIndex> index = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private Task<StoreIndex> building;

    StoreInsight(TaskPanel tasks) {
        this.tasks = tasks;
    }

    /** Starts indexing {@code session}'s catalog, dropping the index of the store shown before. */
    void load(StoreSession session) {
        if (building != null) {
            building.cancel();
        }
        index.set(null);
        if (session.catalog().isEmpty()) {
            state.set(session.catalogProblem() != null ? "The catalog cannot be read: " + session.catalogProblem()
                    : "This store has no catalog, so no snapshots to search");
            building = null;
            return;
        }
        state.set("Reading the catalog…");
        var task = new Task<StoreIndex>() {
            @Override
            protected StoreIndex call() throws Exception {
                updateTitle("Indexing snapshots");
                long start = System.nanoTime();
                StoreIndex built = StoreIndex.build(session.catalog().get(), this::isCancelled,
                        rows -> updateMessage(Format.count(rows, "row") + " read"));
                updateMessage(Format.count(built.rowCount(), "row") + String.format(java.util.Locale.ROOT, " read in %.1f s", (System.nanoTime() - start) / 1e9));
                return built;
            }

            @Override
            protected void succeeded() {
                if (building == this) {
                    index.set(getValue());
                    state.set(Format.count(getValue().pathCount(), "path") + " in " + Format.count(getValue().snapshots().size(), "snapshot")
                            + " · " + getMessage());
                }
            }

            @Override
            protected void failed() {
                if (building == this) {
                    state.set("The catalog cannot be indexed: " + getException().getMessage());
                }
            }
        };
        building = task;
        tasks.runQuietly(task);
    }

    ReadOnlyObjectProperty<StoreIndex> index() {
        return index.getReadOnlyProperty();
    }

    ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    void close() {
        if (building != null) {
            building.cancel();
        }
    }
}
