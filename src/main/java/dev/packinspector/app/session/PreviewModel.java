package dev.packinspector.app.session;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ObjectId;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What the preview shows: an object (with its snapshot file, if known), a tree, or a sentence
 * saying why nothing is shown. Every view that selects something sets it; only its own commands
 * write {@link #target()}, and a store opened or closed resets it.
 */
public final class PreviewModel {
    /** The prompt shown when nothing is selected. */
    public static final String PROMPT = "Select a file or an index entry to preview it";

    /** What is previewed. */
    public sealed interface Target {
    }

    /** Nothing: {@code why} says so. */
    public record Nothing(String why) implements Target {
    }

    /** Object {@code id}; {@code entry} (may be null) is the snapshot file it was selected as: its path, size and mode. */
    public record Blob(ObjectId id, ManifestEntry entry) implements Target {
        /** The name to save it as: the file's name, else the id. */
        public String fileName() {
            if (entry == null) {
                return id.toHex();
            }
            Path name = Path.of(entry.path()).getFileName();
            return name == null ? id.toHex() : name.toString();
        }

        /** Its size if known from the catalog, else -1. */
        public long knownSize() {
            return entry == null ? -1 : entry.size();
        }
    }

    /** Tree {@code id} of the tree pack; {@code path} is where it sits in a snapshot, or null if unknown. */
    public record Tree(ObjectId id, String path) implements Target {
    }

    private final ReadOnlyObjectWrapper<Target> target = new ReadOnlyObjectWrapper<>(new Nothing(PROMPT));

    /** A preview of {@code session}'s store: whenever another store is shown, nothing of the old one is. */
    public PreviewModel(ObservableValue<StoreSession> session) {
        session.addListener((obs, old, now) -> target.set(new Nothing(PROMPT)));
    }

    public ReadOnlyObjectProperty<Target> target() {
        return target.getReadOnlyProperty();
    }

    /** Previews object {@code id}, known by no file; returns what is shown now. */
    public Target object(ObjectId id) {
        return show(new Blob(id, null));
    }

    /** Previews snapshot file {@code entry} (a file whose object is missing says so instead); returns what is shown now. */
    public Target file(ManifestEntry entry) {
        return show(entry.blob() == null ? new Nothing(entry.path() + ": " + entry.problem()) : new Blob(entry.objectId(), entry));
    }

    /** Previews tree {@code id}; {@code path} may be null; returns what is shown now. */
    public Target tree(ObjectId id, String path) {
        return show(new Tree(id, path));
    }

    /** Shows no object, saying {@code why} (a folder's summary, for one); returns what is shown now. */
    public Target nothing(String why) {
        return show(new Nothing(why));
    }

    /** Shows no object, only the prompt to select one. */
    public void nothing() {
        show(new Nothing(PROMPT));
    }

    /**
     * Shows nothing if the preview still shows {@code shown} (what a view set for a selection that
     * is gone: cleared, filtered away, another snapshot); leaves it alone if another view has set
     * something since. Null does nothing.
     */
    public void clear(Target shown) {
        if (shown != null && target.get() == shown) {
            nothing();
        }
    }

    private Target show(Target t) {
        target.set(t);
        return t;
    }

    /** The object previewed, or null if it is not an object. */
    public Blob blob() {
        return target.get() instanceof Blob b ? b : null;
    }
}
