package dev.packinspector.app.shell;

import dev.packinspector.app.history.InsightViews;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.restore.MountFlow;
import dev.packinspector.app.restore.ObjectExport;
import dev.packinspector.app.restore.RestoreFlow;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.RestoreItems;
import dev.packinspector.store.ObjectId;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;

/**
 * What one feature asks of another, routed here because features never use each other: files and
 * objects to restore, open or drag out go to the restore feature; a path's history, two snapshots
 * to compare and an object's uses to the views that show them ({@code jumps}); two versions to a
 * compare window; a snapshot or folder to show in the file manager to the store's mount.
 */
record FeatureLinks(ObservableValue<StoreSession> session, RestoreFlow restores, ObjectExport export, MountFlow mounts,
        Function<Path, String> names, Jumps jumps) implements SnapshotsView.Actions, IndexView.Actions, InsightViews.Actions {
    @Override
    public void restoreSnapshot(Snapshot s) {
        restores.restoreSnapshot(session.getValue(), s);
    }

    @Override
    public void exportSnapshot(Snapshot s) {
        restores.exportSnapshot(session.getValue(), s);
    }

    @Override
    public void restore(Snapshot s, List<ManifestEntry> entries) {
        restores.restoreFiles(session.getValue(), s, entries);
    }

    @Override
    public void export(Snapshot s, List<ManifestEntry> entries) {
        restores.export(session.getValue(), s, entries);
    }

    /** Saves a file's content under its own name (suggested), with a new file's mode. */
    @Override
    public void saveAs(ManifestEntry file) {
        export.save(file.objectId(), file.path().substring(file.path().lastIndexOf('/') + 1), file.size());
    }

    @Override
    public void saveAs(ObjectId id) {
        export.save(id, id.toHex(), -1);
    }

    @Override
    public void restoreInto(Snapshot s, List<ManifestEntry> entries, Path folder) {
        restores.restoreFilesInto(session.getValue(), s, entries, folder);
    }

    @Override
    public List<File> dragOut(Snapshot s, List<ManifestEntry> entries) {
        return export.forDrag(RestoreItems.of(entries));
    }

    /** Mounts the store (once) and opens the snapshot's folder {@code path} ("" for the snapshot) in the file manager. */
    @Override
    public void showInFileManager(Snapshot s, String path) {
        StoreSession now = session.getValue();
        if (now != null) {
            mounts.show(now.path(), names.apply(now.path()), "by-id/" + s.id() + (path.isEmpty() ? "" : "/" + path));
        }
    }

    @Override
    public void history(String path) {
        jumps.history(path);
    }

    @Override
    public void compare(Snapshot older, Snapshot newer) {
        jumps.compare(older, newer);
    }

    /** Writes the file's content to a temp file (through the restore engine, verified) and shows it in the system's application. */
    @Override
    public void open(ManifestEntry file) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        export.open(file.objectId(), name.isEmpty() ? file.blob().toHex() : name, file.size());
    }

    @Override
    public void uses(ObjectId id) {
        jumps.uses(id);
    }

    @Override
    public void restore(List<ObjectId> ids) {
        restores.restoreObjects(session.getValue(), ids);
    }

    @Override
    public List<File> dragOut(List<ObjectId> ids) {
        return export.forDrag(RestoreItems.objects(ids));
    }

    @Override
    public void restore(ManifestEntry version, Snapshot from) {
        restores.restoreFiles(session.getValue(), from, List.of(version));
    }
}
