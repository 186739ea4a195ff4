package dev.packinspector.app.restore;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.SaveChooser;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreListener;
import dev.packinspector.restore.RestorePlanner;
import dev.packinspector.restore.RestoreResult;
import dev.packinspector.restore.Restorer;
import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.StoreException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Objects leaving the window as files: saved where the user says, opened in the system's
 * application ({@code viewer} shows a written file there), or restored into a temp folder so a
 * drag can carry them out. Every file goes
 * through the restore engine, so it is verified and never half-written.
 */
public final class ObjectExport {
    private final Supplier<StoreSession> session;
    private final Tasks tasks;
    private final StatusLine status;
    private final Consumer<Path> viewer;
    private final Window owner;
    private SaveChooser saveChooser = SaveChooser.system();

    /** Saves and drags objects of {@code session}'s store; {@code viewer} shows a written file in the system's application for it. */
    public ObjectExport(Supplier<StoreSession> session, Tasks tasks, StatusLine status, Consumer<Path> viewer, Window owner) {
        this.session = session;
        this.tasks = tasks;
        this.status = status;
        this.viewer = viewer;
        this.owner = owner;
    }

    /** Replaces the system's save dialog (tests answer it themselves). */
    public void saveChooser(SaveChooser c) {
        this.saveChooser = c;
    }

    /** Something done with one object: {@code name} is the file name to give it, {@code size} -1 if unknown. */
    @FunctionalInterface
    public interface Action {
        void on(ObjectId id, String name, long size);
    }

    /** A drag needs its files before it starts, so they are written on the FX thread: keep that short. */
    public static final long DRAG_OUT_LIMIT = 16L << 20;

    /** Restores a small selection into a fresh temp folder so its files can be dragged out; null if too large. */
    public List<File> forDrag(List<RestoreItem> items) {
        StoreSession s = session.get();
        if (s == null || items.isEmpty()) {
            return null;
        }
        long bytes = 0;
        for (RestoreItem i : items) {
            bytes += i.size() >= 0 ? i.size() : contentSizeBound(s, i.id());
        }
        if (bytes > DRAG_OUT_LIMIT) {
            status.info("That selection is " + Format.bytes(bytes) + ": use Restore… (or drop a folder on the restore area) for large selections");
            return null;
        }
        try {
            Path temp = Files.createTempDirectory("pack-inspector-drag-");
            // the FX thread waits for this anyway: every core helps
            RestoreResult r = new Restorer(Restorer.defaultThreads()).run(RestorePlanner.plan(s.packs(), items, temp, false), RestoreListener.NONE);
            if (!r.problems().isEmpty()) {
                // what a restore refused belongs to that restore, not to the store's Problems: the first reason says why
                status.info(Format.count(r.problems().size()) + " of the dragged files could not be restored: " + r.problems().getFirst());
            }
            try (var top = Files.list(temp)) {
                return top.map(Path::toFile).toList();
            }
        } catch (IOException | IllegalArgumentException e) {
            status.error("Cannot prepare the dragged files", e);
            return null;
        }
    }

    /** The most bytes an object's content can have, from its frame's block headers (no decoding, no catalog). */
    private static long contentSizeBound(StoreSession s, ContentId id) {
        try {
            var at = id instanceof ObjectId o ? s.packs().locate(o) : java.util.Optional.<dev.packinspector.store.ObjectLocation>empty();
            return at.isEmpty() ? 0 : new ObjectContent(at.get()).sizeBound();
        } catch (StoreException e) {
            return 0; // the restore reports the damaged object
        }
    }

    /**
     * Asks where to save object {@code id} ({@code name} suggested; {@code size} -1 if unknown), then
     * writes it there, with the mode any new file of the user gets.
     */
    public void save(ObjectId id, String name, long size) {
        Path file = saveChooser.choose(owner, "Save " + name + " as", name);
        if (file != null) {
            write(id, size, file.toAbsolutePath(), false);
        }
    }

    /** Writes object {@code id} to a temp file called {@code name} and opens it in the system's application. */
    public void open(ObjectId id, String name, long size) {
        try {
            write(id, size, Files.createTempDirectory("pack-inspector-open-").resolve(name), true);
        } catch (IOException e) {
            status.error("Cannot open the object", e);
        }
    }

    private void write(ObjectId id, long size, Path file, boolean thenOpen) {
        StoreSession s = session.get();
        if (s == null) {
            return;
        }
        // mode -1: the file gets what a new file gets under the user's umask, as any file they save
        var item = new RestoreItem(file.getFileName().toString(), id, size, -1, null);
        // the user chose this file (and confirmed replacing it): overwrite
        tasks.job("Saving " + file.getFileName(), s.holding(p -> new Restorer(1).run(RestorePlanner.plan(s.packs(), List.of(item), file.getParent(), true),
                RestoreListener.NONE))).onSuccess(r -> {
                    if (!r.problems().isEmpty()) {
                        status.error("Cannot save " + file.getFileName(), new IOException(r.problems().getFirst().message()));
                    } else if (thenOpen) {
                        viewer.accept(file);
                    }
                }).report(r -> r.problems().isEmpty() ? "Saved " + file : null).run();
    }
}
