package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.packinspector.app.common.Settings;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.TaskPanel;
import dev.packinspector.app.common.Theme;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.history.SpaceView;
import dev.packinspector.app.objects.IndexView;
import dev.packinspector.app.packs.PacksView;
import dev.packinspector.app.packs.StoreFilesView;
import dev.packinspector.app.preview.PreviewPane;
import dev.packinspector.app.problems.ProblemsView;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.MainWindow;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.workspace.Trash;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One real {@link MainWindow} on its own stage, with throwaway settings, and the few moves every
 * GUI test needs: run something on the FX thread, wait for a condition (checked on the FX thread),
 * open a store and wait until the window shows it. Close it after the test.
 */
final class WindowDriver implements AutoCloseable {
    /** How long any one wait may take before the test fails; generous, never a timing assertion. */
    static final long TIMEOUT_SECONDS = 60;
    /** Where the windows of the tests move what a rollback takes away. */
    static final Path TEST_TRASH = Path.of(System.getProperty("java.io.tmpdir"), "pack-inspector-test-trash-" + ProcessHandle.current().pid(), "Trash");

    final FxRobot robot = new FxRobot();
    private final Preferences prefs;
    private final Stage stage;
    private final MainWindow window;
    private boolean closed;

    private WindowDriver(Preferences prefs, Stage stage, MainWindow window) {
        this.prefs = prefs;
        this.stage = stage;
        this.window = window;
    }

    /** Shows a new main window whose start page looks for stores in {@code storesRoot}. */
    static WindowDriver start(Path storesRoot) {
        return start(storesRoot, prefs -> {
            // a window that fits the headless screen (1000 x 1000), so the robot can click everything in it
            prefs.putDouble("width", 1000);
            prefs.putDouble("height", 780);
            prefs.putDouble("x", 0);
            prefs.putDouble("y", 0);
        });
    }

    /** Shows a new main window whose settings are what {@code remembered} puts in a fresh profile (nothing: a first start). */
    static WindowDriver start(Path storesRoot, java.util.function.Consumer<Preferences> remembered) {
        return start(storesRoot, dev.packinspector.workspace.ChkptHome.ofThisProcess(), remembered);
    }

    /** As above, with workspace folders taken to their stores where {@code home} says. */
    static WindowDriver start(Path storesRoot, dev.packinspector.workspace.ChkptHome home, java.util.function.Consumer<Preferences> remembered) {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX toolkit did not start", e);
        }
        Preferences prefs = Preferences.userRoot().node("dev/packinspector-test/" + UUID.randomUUID());
        remembered.accept(prefs);
        return onFx(() -> {
            Theme.apply(javafx.application.ColorScheme.LIGHT); // as the application does: its stylesheet builds on the theme's colours
            var stage = new Stage();
            // a trash of the test's own: a rollback never moves anything into the user's
            var window = new MainWindow(stage, new Settings(prefs), null, storesRoot, home, () -> new Trash(TEST_TRASH, 0));
            window.show();
            return new WindowDriver(prefs, stage, window);
        });
    }

    MainWindow window() {
        return window;
    }

    // ---- the window's parts: views by their place in the navigation, others by CSS id

    static StoreSession session(MainWindow w) {
        return w.model().session().get();
    }

    static SnapshotsView snapshots(MainWindow w) {
        return (SnapshotsView) w.view(Navigation.View.SNAPSHOTS);
    }

    static StoreFilesView packsPane(MainWindow w) {
        return (StoreFilesView) w.view(Navigation.View.PACKS);
    }

    static PacksView packsView(MainWindow w) {
        return (PacksView) packsPane(w).getItems().getFirst();
    }

    static IndexView index(MainWindow w) {
        return (IndexView) w.view(Navigation.View.OBJECTS);
    }

    static ProblemsView problems(MainWindow w) {
        return (ProblemsView) w.view(Navigation.View.PROBLEMS);
    }

    static SearchView search(MainWindow w) {
        return (SearchView) w.view(Navigation.View.SEARCH);
    }

    static CompareView compare(MainWindow w) {
        return (CompareView) w.view(Navigation.View.COMPARE);
    }

    static SpaceView space(MainWindow w) {
        return (SpaceView) w.view(Navigation.View.SPACE);
    }

    static PreviewPane preview(MainWindow w) {
        return (PreviewPane) w.part("#preview");
    }

    static TaskPanel tasks(MainWindow w) {
        return (TaskPanel) w.part("#tasks");
    }

    static StatusLine statusLine(MainWindow w) {
        return (StatusLine) w.part("#status");
    }

    StoreSession session() {
        return session(window);
    }

    SnapshotsView snapshots() {
        return snapshots(window);
    }

    StoreFilesView packsPane() {
        return packsPane(window);
    }

    PacksView packsView() {
        return packsView(window);
    }

    IndexView index() {
        return index(window);
    }

    ProblemsView problems() {
        return problems(window);
    }

    SearchView search() {
        return search(window);
    }

    CompareView compare() {
        return compare(window);
    }

    SpaceView space() {
        return space(window);
    }

    PreviewPane preview() {
        return preview(window);
    }

    TaskPanel tasks() {
        return tasks(window);
    }

    Stage stage() {
        return stage;
    }

    /**
     * Widens the window past the headless screen (1600 px) so that every column is drawn: narrow
     * windows leave out the least useful ones. For tests that read cells, not ones the robot clicks.
     */
    void wide() {
        onFx(() -> {
            stage.setWidth(1600);
        });
        waitUntil("the window is wide", () -> stage.getWidth() >= 1600);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // laid out again: the columns a narrow window hides are back
    }

    /** Shows or hides the preview, as View ▸ Preview pane does (a hidden preview gives the views the whole width). */
    void previewShown(boolean on) {
        onFx(() -> {
            var bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "toggle-preview".equals(i.getId()))
                    .map(i -> (javafx.scene.control.CheckMenuItem) i).findFirst().orElseThrow().setSelected(on);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code work} on the FX thread and returns its result (directly if already there). */
    static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(work).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError("failed on the FX thread: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition} (evaluated on the FX thread) holds; fails naming {@code what} if it never does. */
    /**
     * Clicks the header of {@code table}'s column titled {@code title} (a table or a tree table),
     * as the mouse does. The Headless platform's robot marks every press as a popup trigger, which a
     * column header ignores (it would open the header's menu), so the press and release are fired
     * at the header's centre as a real platform sends them: primary button, no popup trigger.
     */
    static void clickHeader(javafx.scene.control.Control table, String title) {
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> find = () -> table.lookupAll(".column-header").stream()
                .filter(h -> h.lookup(".label") instanceof javafx.scene.control.Label l && title.equals(l.getText())).findFirst();
        waitUntil("the column header " + title + " is shown", () -> onFx(() -> find.get().isPresent()));
        onFx(() -> {
            javafx.scene.Node header = find.get().orElseThrow();
            var b = header.getLayoutBounds();
            var screen = header.localToScreen(b.getCenterX(), b.getCenterY());
            for (var type : List.of(javafx.scene.input.MouseEvent.MOUSE_PRESSED, javafx.scene.input.MouseEvent.MOUSE_RELEASED)) {
                header.fireEvent(new javafx.scene.input.MouseEvent(header, header, type, b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(),
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, type == javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                        false, false, false, false, true, null));
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            fail("gave up waiting until " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for {@code task} to end and returns its value; fails if it failed or was cancelled. */
    static <T> T await(Task<T> task) {
        Worker.State state = awaitEnd(task);
        if (state != Worker.State.SUCCEEDED) {
            throw new AssertionError(onFx(task::getTitle) + " ended " + state, onFx(task::getException));
        }
        return onFx(task::getValue);
    }

    /** Waits for {@code task} to end, whichever way, and returns how it ended. */
    static Worker.State awaitEnd(Task<?> task) {
        waitUntil(onFx(task::getTitle) + " ends", task::isDone);
        return onFx(task::getState);
    }

    /** Opens {@code store} as the window does (a background task) and waits until the window shows it. */
    StoreSession open(Path store) {
        Task<StoreSession> task = onFx(() -> window.model().open(store));
        StoreSession s = await(task);
        assertEquals(s, onFx(() -> session(window)), "the window shows the store it opened");
        return s;
    }

    /** Opens {@code store} and waits until the selected (newest) snapshot's file tree is shown. */
    StoreSession openAndShowFiles(Path store) {
        StoreSession s = open(store);
        waitUntilFilesShown();
        return s;
    }

    void waitUntilFilesShown() {
        waitUntil("the selected snapshot's files are shown", () -> snapshots().fileTree().getRoot() != null
                && !snapshots().fileTree().getRoot().getChildren().isEmpty());
    }

    /** The texts of the navigation list's cells, e.g. "Snapshots   2". */
    List<String> navigation() {
        return onFx(() -> robot.from(snapshots().getScene().getRoot()).lookup("#nav .list-cell").queryAllAs(ListCell.class)
                .stream().map(c -> ((Labeled) c).getText()).filter(t -> t != null && !t.isBlank()).map(String::strip).toList());
    }

    /** A node of this window by CSS selector (fails if there is none). */
    <T extends Node> T node(String query) {
        return onFx(() -> robot.from(stage.getScene().getRoot()).lookup(query).<T>query());
    }

    /** Nodes of any showing window (dialogs included) by CSS selector. */
    <T extends Node> List<T> anywhere(String query) {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing).filter(w -> w.getScene() != null)
                .flatMap(w -> robot.from(w.getScene().getRoot()).lookup(query).<T>queryAll().stream()).toList());
    }

    /** What the window remembers between runs (its throwaway settings). */
    Settings settings() {
        return new Settings(prefs);
    }

    String status() {
        return onFx(() -> statusLine(window).text());
    }

    /**
     * Lets the window's tasks finish (a store still opening would otherwise show itself, and save
     * it as recent, after the test), closes the window (it saves its settings and stops its
     * executor) and forgets its settings.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waitUntil("the window's tasks have ended", () -> !tasks().busy());
        onFx(() -> {
            if (stage.isShowing()) {
                stage.hide();
            }
        });
        try {
            prefs.removeNode();
            Preferences.userRoot().flush();
        } catch (BackingStoreException | IllegalStateException e) {
            System.err.println("cannot remove test settings " + prefs.absolutePath() + ": " + e);
        }
    }
}
