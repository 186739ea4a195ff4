package dev.packinspector.app.packs;

import dev.packinspector.app.common.Format;
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

    /**
     * Why the pack cannot be used (or the note on it), reason first and the file after it, its path
     * shortened in the middle, so a narrow column still reads the reason; empty when there is none.
     */
    String reason() {
        if (problem == null) {
            return "";
        }
        String message = problem.getMessage() == null ? problem.kind().toString() : problem.getMessage();
        if (problem.file() == null) {
            return message;
        }
        String at = problem.offset() >= 0 ? " at offset " + Format.count(problem.offset()) : "";
        String where = problem.file() + (problem.offset() >= 0 ? " at offset " + problem.offset() : "") + ": ";
        String detail = message.startsWith(where) ? message.substring(where.length()) : message;
        return detail + "  (" + Format.middle(problem.file().toString(), 56) + at + ")";
    }

    boolean damaged() {
        return state.equals("unreadable");
    }

    boolean incomplete() {
        return state.equals("incomplete");
    }
}
