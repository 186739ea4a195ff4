package dev.packinspector.app.shell;

import dev.packinspector.Errors;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.Fx;
import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.common.TaskPanel;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.preview.PreviewPane;
import dev.packinspector.app.problems.ProblemsView;
import dev.packinspector.app.session.PreviewModel;
import dev.packinspector.app.session.StoreSession;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.app.snapshots.SnapshotsView;
import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.stage.Window;

/**
 * Walks the whole window over one store, as a user would: opens it, visits every view (verifying in
 * Problems, searching, comparing the newest two snapshots), previews a file in every tab, and opens
 * the plan of restoring the newest snapshot, then cancels it (nothing is written). What the window
 * showed as an error is a failure of the window, except on a damaged store, where errors caused by
 * its damage are the damage, reported in the store's line. Drive it from a thread other than the FX thread.
 */
public final class Tour {
    /** What a walk saw: the store, the views and tabs visited, what was counted, and the damage found (empty when none). */
    public record Line(Path store, List<String> visited, String counts, String damage) {
        /** The line the self-test prints. */
        public String text() {
            return store + ": visited " + String.join(", ", visited) + "; " + counts + (damage.isEmpty() ? "" : "; DAMAGED: " + damage);
        }
    }

    private final MainWindow window;
    private final Path scratch;
    private final long timeoutSeconds;
    private final List<String> shown = new ArrayList<>();
    private final List<Throwable> causes = new ArrayList<>();

    /** Walks {@code window}; restore plans are made into folders under {@code scratch} (never written). */
    public Tour(MainWindow window, Path scratch, long timeoutSeconds) throws Exception {
        this.window = window;
        this.scratch = scratch;
        this.timeoutSeconds = timeoutSeconds;
        fx(() -> {
            ((StatusLine) window.part("#status")).onError((text, cause) -> {
                shown.add(text);
                causes.add(cause);
            });
            return null;
        });
    }

    /** Opens {@code store} and walks it; throws AssertionError naming the first thing that went wrong in the window. */
    public Line walk(Path store) throws Exception {
        fx(() -> {
            shown.clear();
            causes.clear();
            return null;
        });
        var opening = fx(() -> window.model().open(store));
        waitFor("the store to open", opening::isDone);
        if (fx(opening::getException) != null) {
            throw new AssertionError("cannot open " + store + ": " + Errors.sentence(fx(opening::getException)));
        }
        Path path = store.toAbsolutePath().normalize();
        waitFor("the store to be shown", () -> window.model().session().get() != null && window.model().session().get().path().equals(path));
        StoreSession s = fx(() -> window.model().session().get());
        idle("opening");
        var visited = new ArrayList<String>();
        int problems = 0;
        for (View v : View.values()) {
            fx(() -> {
                window.select(v);
                return null;
            });
            switch (v) {
                case SNAPSHOTS -> snapshots(s);
                case PROBLEMS -> problems = verify();
                case SEARCH -> search(s);
                case COMPARE -> compare(s);
                default -> idle("showing " + v.title());
            }
            visited.add(v.title());
        }
        visited.addAll(previewTabs(s));
        if (restorePlan(s)) {
            visited.add("restore plan");
        }
        String damage = problems == 0 ? "" : Format.count(problems, "problem") + " (first: " + fx(() -> ((ProblemsView) window.view(View.PROBLEMS)).items().getFirst()) + ")";
        failIfShown(problems > 0);
        String counts = String.join(", ", Format.count(s.snapshots().size(), "snapshot"), Format.count(s.packs().packs().size(), "pack"),
                Format.count(s.packs().entryCount(), "object"), Format.count(problems, "problem"));
        return new Line(s.path(), visited, counts, damage);
    }

    private void snapshots(StoreSession s) throws Exception {
        if (!s.snapshots().isEmpty()) {
            var view = (SnapshotsView) fx(() -> window.view(View.SNAPSHOTS));
            waitFor("the newest snapshot's files", () -> view.fileTree().getRoot() != null);
        }
        idle("showing Snapshots");
    }

    private int verify() throws Exception {
        var view = (ProblemsView) fx(() -> window.view(View.PROBLEMS));
        var task = fx(view::verify);
        waitFor("Verify to end", task::isDone);
        idle("verifying");
        return fx(view::count);
    }

    /** Searches for the name of the newest snapshot's first file and waits for the answer. */
    private void search(StoreSession s) throws Exception {
        var view = (SearchView) fx(() -> window.view(View.SEARCH));
        String query = newestFiles(s).stream().map(e -> Path.of(e.path()).getFileName()).filter(java.util.Objects::nonNull).map(Path::toString)
                .findFirst().orElse("a");
        fx(() -> {
            view.query().set(query);
            return null;
        });
        waitFor("the search for " + query, () -> query.equals(view.shownQuery()));
        idle("searching");
    }

    private void compare(StoreSession s) throws Exception {
        var view = (CompareView) fx(() -> window.view(View.COMPARE));
        if (s.snapshots().size() >= 2) {
            fx(() -> {
                view.compare(s.snapshots().get(1), s.snapshots().get(0));
                return null;
            });
            waitFor("the comparison of the newest two snapshots", () -> view.diff() != null);
        }
        idle("comparing");
    }

    /** Previews the newest snapshot's smallest non-empty file and shows each of the preview's tabs; returns the tabs' names. */
    private List<String> previewTabs(StoreSession s) throws Exception {
        var file = newestFiles(s).stream().filter(e -> e.usable() && e.size() > 0 && (e.mode() & 0170000) == 0100000)
                .min(Comparator.comparingLong(ManifestEntry::size));
        if (file.isEmpty()) {
            return List.of();
        }
        var pane = (PreviewPane) fx(() -> window.part("#preview"));
        fx(() -> {
            window.select(View.SNAPSHOTS);
            window.preview().file(file.get());
            return null;
        });
        // shown and checked, or refused with its reason (an object a damaged store cannot read)
        waitFor("the preview of " + file.get().path(), () -> {
            PreviewPane.Shown at = pane.shown();
            return at.location() != null ? !at.integrity().isEmpty() && !at.integrity().startsWith("checking")
                    : !at.imageMessage().isEmpty() && !at.imageMessage().equals(PreviewModel.PROMPT);
        });
        var tabs = new ArrayList<String>();
        for (Tab t : fx(() -> List.copyOf(pane.parts().tabs().getTabs()))) {
            fx(() -> {
                pane.parts().tabs().getSelectionModel().select(t);
                return null;
            });
            idle("showing the preview's " + t.getText() + " tab");
            tabs.add("preview " + t.getText());
        }
        return tabs;
    }

    /** Plans restoring the whole newest snapshot into a folder that does not exist, reads the plan, and cancels it. */
    private boolean restorePlan(StoreSession s) throws Exception {
        if (s.snapshots().isEmpty() || s.catalog().isEmpty()) {
            return false;
        }
        Snapshot newest = s.snapshots().getFirst();
        List<ManifestEntry> all = newestFiles(s);
        Path target = Files.createDirectories(scratch).resolve("restore-plan-" + System.nanoTime());
        fx(() -> {
            window.restores().restoreFilesInto(s, newest, all, target);
            return null;
        });
        waitFor("the restore plan", () -> plan() != null);
        fx(() -> {
            DialogPane plan = plan();
            ((javafx.scene.control.Button) plan.lookupButton(ButtonType.CANCEL)).fire();
            return null;
        });
        waitFor("the restore plan to close", () -> plan() == null);
        idle("cancelling the restore plan");
        if (Files.exists(target)) {
            throw new AssertionError("cancelling the restore plan wrote " + target);
        }
        return true;
    }

    /** The restore plan dialog shown, or null. */
    private static DialogPane plan() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane d && d.lookup("#plan-summary") != null).map(DialogPane.class::cast).findFirst().orElse(null);
    }

    private List<ManifestEntry> newestFiles(StoreSession s) throws Exception {
        if (s.snapshots().isEmpty() || s.catalog().isEmpty()) {
            return List.of();
        }
        return s.catalog().get().files(s.snapshots().getFirst());
    }

    /** Waits for the window's tasks to end, then fails if it showed an error that is not the store's damage. */
    private void idle(String doing) throws Exception {
        waitFor("the window's tasks while " + doing, () -> !((TaskPanel) window.part("#tasks")).busy());
        fx(() -> {
            for (int i = 0; i < shown.size(); i++) {
                if (!(causes.get(i) instanceof java.io.IOException)) {
                    throw new AssertionError("the window showed an error while " + doing + ": " + shown.get(i));
                }
            }
            return null;
        });
    }

    /** After the walk: an error read from the store is a failure unless the store is damaged. */
    private void failIfShown(boolean damaged) throws Exception {
        String first = fx(() -> shown.isEmpty() ? null : shown.getFirst());
        if (first != null && !damaged) {
            throw new AssertionError("the window showed an error on a store that verifies clean: " + first);
        }
    }

    private <T> T fx(Callable<T> action) throws Exception {
        return Fx.call(action, timeoutSeconds);
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        Fx.waitFor(what, condition, timeoutSeconds);
    }
}
