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

    /** Previews object {@code id}, known by no file. */
    public void object(ObjectId id) {
        target.set(new Blob(id, null));
    }

    /** Previews snapshot file {@code entry} (a file whose object is missing says so instead). */
    public void file(ManifestEntry entry) {
        target.set(entry.blob() == null ? new Nothing(entry.path() + ": " + entry.problem()) : new Blob(entry.blob(), entry));
    }

    /** Previews tree {@code id}; {@code path} may be null. */
    public void tree(ObjectId id, String path) {
        target.set(new Tree(id, path));
    }

    /** Shows no object, saying {@code why} (a folder's summary, for one). */
    public void nothing(String why) {
        target.set(new Nothing(why));
    }

    /** The object previewed, or null if it is not an object. */
    public Blob blob() {
        return target.get() instanceof Blob b ? b : null;
    }
}
