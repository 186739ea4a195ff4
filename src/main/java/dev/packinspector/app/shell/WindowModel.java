package dev.packinspector.app.shell;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.Tasks;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.workspace.ChkptHome;
import dev.packinspector.workspace.StoreFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The window's state: the open store, as a read-only property that only this model's commands
 * (open, refresh, close, the demo) write. Every view observes it, so a store opened after another
 * leaves nothing of the first anywhere. A store is opened off the FX thread; only the one asked
 * for last is shown, and the store it replaces is closed once nothing shows it.
 */
public final class WindowModel {
    private final Tasks tasks;
    private final Settings settings;
    private final ReadOnlyObjectWrapper<StoreSession> session = new ReadOnlyObjectWrapper<>();
    /** The folder chkpt saved into the open store, where known. */
    private final ReadOnlyObjectWrapper<Path> workspace = new ReadOnlyObjectWrapper<>();
    private final Tasks.Latest opening = new Tasks.Latest();
    private final ChkptHome home;

    /** The model of a window whose workspace folders are taken to their stores where {@code home} says. */
    public WindowModel(Tasks tasks, Settings settings, ChkptHome home) {
        this.tasks = tasks;
        this.settings = settings;
        this.home = home;
    }

    /** The open store, or null before one is opened. */
    public ReadOnlyObjectProperty<StoreSession> session() {
        return session.getReadOnlyProperty();
    }

    /**
     * Opens the store (or bare packs folder) at {@code given}, or the store chkpt keeps for it if it
     * is a workspace folder chkpt saved (found as chkpt finds it: {@link ChkptHome}); a newer open
     * cancels this one.
     */
    public Task<StoreSession> open(Path given) {
        // absolute, so the title, the recent stores and Refresh mean the same from any working folder
        Path folder = given.toAbsolutePath().normalize();
        var workspace = new AtomicReference<Path>();
        var found = new AtomicReference<Path>();
        // the folder shown with the store: the one it was opened by, else one hashing to its name, else the one shown with it
        List<Path> candidates = new java.util.ArrayList<>();
        if (this.workspace.get() != null) {
            candidates.add(this.workspace.get());
        }
        candidates.addAll(settings.recentWorkspaces());
        Path shownStore = session.get() == null ? null : session.get().path();
        Path shownWorkspace = this.workspace.get();
        return tasks.job("Opening " + folder.getFileName(), p -> {
            Path store = StoreFolders.resolve(folder, home);
            if (!store.equals(folder)) {
                workspace.set(folder);
            }
            found.set(workspace.get() != null ? workspace.get() : home.workspaceOf(store, candidates)
                    .orElse(store.equals(shownStore) ? shownWorkspace : null)); // a folder the user linked it to stays with it
            return StoreSession.open(store);
        }).message(folder.toString()).in(opening)
                .discard(StoreSession::close).onSuccess(s -> show(s, workspace.get(), found.get()))
                .report(s -> "Opened " + s.path() + (workspace.get() == null ? "" : " (the store of " + workspace.get() + ")") + ": "
                        + Format.count(s.packs().packs().size(), "pack") + ", "
                        + Format.count(s.packs().entryCount(), "object") + ", " + Format.count(s.snapshots().size(), "snapshot"))
                .run();
    }

    /**
     * The folder chkpt saved into the open store: the folder it was opened by, else a recent
     * folder whose store it is, else one the user linked it to ({@link #linkWorkspace}); null while
     * none is known. Set with the store, so it never belongs to another.
     */
    public ReadOnlyObjectProperty<Path> workspace() {
        return workspace.getReadOnlyProperty();
    }

    /** Takes {@code folder} for the open store's workspace folder, and remembers it among the recent ones. */
    public void linkWorkspace(Path folder) {
        if (session.get() == null) {
            return;
        }
        Path absolute = folder.toAbsolutePath().normalize();
        workspace.set(absolute);
        if (!DemoStore.isDemo(session.get().path())) {
            settings.addWorkspace(absolute);
            saveSettings();
        }
    }

    /** The workspace folders stores were opened by lately: what the start page names stores by. */
    public List<Path> recentWorkspaces() {
        return settings.recentWorkspaces();
    }

    /**
     * How a store is named to the user: by the workspace folder it keeps where a recent one hashes
     * to its name ({@code /home/me/project  (a0a304b91c793b13)}), else by its path.
     */
    public String storeName(Path store) {
        return home.workspaceOf(store, settings.recentWorkspaces()).map(w -> StoreFinder.named(w, store)).orElse(store.toString());
    }

    /** A store's name in a word, for a folder: its workspace folder's name where a recent one hashes to it, else its own folder's. */
    public String shortName(Path store) {
        Path named = home.workspaceOf(store, settings.recentWorkspaces()).orElse(store);
        return named.getFileName() == null ? named.toString() : named.getFileName().toString();
    }

    /** Where chkpt keeps its stores, as this process's environment says. */
    public ChkptHome chkptHome() {
        return home;
    }

    /** Opens the store shown again, picking up what chkpt added since. */
    public void refresh() {
        if (session.get() != null) {
            open(session.get().path());
        }
    }

    /**
     * Opens this run's demo store: written into a temporary folder the first time, the same
     * folder every time after, deleted when the application quits. It is never a recent store.
     */
    public Task<Path> openDemo() {
        return tasks.job("Writing the demo store", p -> DemoStore.ofThisRun()).onSuccess(this::open).run();
    }

    /** The stores opened lately, newest first; never a demo store (nor one an older version left in the recent list). */
    public List<Path> recentStores() {
        return settings.recentStores().stream().filter(p -> !DemoStore.isDemo(p)).toList();
    }

    /** Forgets the recent stores. */
    public void clearRecent() {
        settings.clearRecent();
        saveSettings();
    }

    private void show(StoreSession s, Path workspace, Path found) {
        StoreSession old = session.get();
        // the folder first: a view that hears of the store then finds the folder that goes with it
        this.workspace.set(found);
        session.set(s);
        if (!DemoStore.isDemo(s.path())) {
            settings.addRecent(s.path());
            if (workspace != null) {
                settings.addWorkspace(workspace);
            }
            saveSettings();
        }
        if (old != null) {
            closeLater(old);
        }
    }

    private void saveSettings() {
        tasks.job("Saving the recent stores", p -> {
            settings.flush();
            return null;
        }).quiet().run();
    }

    /** Closes the open store and stops opening one: the window is closing. */
    public void close() {
        opening.cancel();
        StoreSession s = session.get();
        session.set(null);
        workspace.set(null);
        if (s != null) {
            s.close();
        }
    }

    private static void closeLater(StoreSession s) {
        Thread.ofVirtual().name("pack-inspector-close").start(s::close);
    }
}
