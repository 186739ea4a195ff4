package dev.packinspector.app.packs;

import dev.packinspector.store.PackStatus;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeStore;

/**
 * One row of the Packs view: a blob pack ({@code status} set) or the tree pack ({@code status}
 * null): kind, name, state, entries (-1 unknown), data bytes (-1 unknown) and why it cannot be used
 * or a note. UI-free.
 */
public record PackRow(String kind, String name, String state, long entries, long dataBytes, StoreException problem, PackStatus status) {

    static PackRow of(PackStatus p) {
        return new PackRow("blobs", p.name(), p.state().label(), p.entryCount(), p.dataBytes(), p.problem(), p);
    }

    /** The tree pack's row, or null where the store has no {@code trees/} folder. */
    static PackRow of(TreeStore trees) {
        if (!trees.folderExists()) {
            return null;
        }
        StoreException why = trees.problem() != null ? trees.problem() : trees.notes().stream().findFirst().orElse(null);
        return new PackRow("trees", "trees", trees.state().label(), trees.pack().isPresent() ? trees.treeCount() : -1, trees.dataBytes(), why, null);
    }

    boolean damaged() {
        return state.equals("unreadable");
    }

    boolean incomplete() {
        return state.equals("incomplete");
    }
}
