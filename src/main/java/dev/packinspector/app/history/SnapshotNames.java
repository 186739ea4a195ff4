package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.catalog.Snapshot;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Snapshots named as their users know them (time · message), their ids on hover and to copy. */
final class SnapshotNames {
    private static final int ON_HOVER = 30;

    private SnapshotNames() {
    }

    /** A cell of a list of snapshots (a choice box's too): its name, its id on hover. */
    static javafx.scene.control.ListCell<Snapshot> cell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : Format.snapshot(s));
                setTooltip(empty || s == null ? null : new Tooltip("id " + s.id()));
            }
        };
    }

    /**
     * One snapshot by its name (time · message); several, beside a version already dated, by
     * their messages (times where they have none): the first and the last, with their number.
     */
    static String of(List<Snapshot> in) {
        if (in.isEmpty()) {
            return "";
        }
        if (in.size() == 1) {
            return Format.snapshot(in.getFirst());
        }
        return Format.count(in.size(), "snapshot") + ": " + brief(in.getFirst()) + (in.size() == 2 ? ", " : " … ") + brief(in.getLast());
    }

    /** A snapshot's message, or its time when it has none. */
    static String brief(Snapshot s) {
        return s.message() == null || s.message().isBlank() ? Format.time(s.createdAt()) : Format.middle(s.message().strip(), 40);
    }

    /** Every snapshot (the first 30) by name and id, for a tooltip; null when there are none. */
    static Tooltip tip(List<Snapshot> in) {
        if (in.isEmpty()) {
            return null;
        }
        var sb = new StringBuilder(in.size() == 1 ? "In the snapshot" : "In " + Format.count(in.size(), "snapshot"));
        for (Snapshot s : in.subList(0, Math.min(in.size(), ON_HOVER))) {
            sb.append("\n").append(Format.snapshot(s)).append("   id ").append(s.id());
        }
        if (in.size() > ON_HOVER) {
            sb.append("\n…");
        }
        return new Tooltip(sb.toString());
    }

    /** Puts the ids on the clipboard, one a line. */
    static void copyIds(Collection<String> ids) {
        if (!ids.isEmpty()) {
            var content = new ClipboardContent();
            content.putString(String.join("\n", ids));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
