package dev.packinspector.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;

/**
 * The window's menus and toolbar: every command with its shortcut and tooltip; what needs a store
 * is disabled until one is open.
 */
final class WindowCommands {
    /** What the commands do. */
    interface Actions {
        void chooseStore();

        void openDemo();

        void openStore(Path store);

        void refresh();

        void quit();

        void show(Navigation.View view);

        /** Show the objects whose ids start with {@code prefix}; null: put the cursor in the main find field. */
        void find(String prefix);

        /** The main find field's text: what Search looks for in every snapshot. */
        StringProperty findText();

        /** The user typed in the main find field: show what it finds. */
        void findTyped();

        /** Enter in the main find field: open the first thing found. */
        void openFirstFound();

        /** Down in the main find field: move into what it found. */
        void focusFound();

        /** Show the search across every snapshot, with the cursor in its field. */
        void searchAll();

        void verify();

        void restore();

        /** Export the selected files and folders, or the whole snapshot, as an archive. */
        void export();

        void about();
    }

    private WindowCommands() {
    }

    static MenuBar menus(Actions a, Supplier<List<Path>> recentStores, ObservableBooleanValue noStore) {
        var recent = new Menu("Recent stores");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : recentStores.get()) {
                recent.getItems().add(item(p.toString(), null, () -> a.openStore(p)));
            }
            if (recent.getItems().isEmpty()) {
                recent.getItems().add(none());
            }
        });
        recent.getItems().add(none());
        var refresh = item("Refresh", "F5", a::refresh);
        refresh.disableProperty().bind(noStore);
        var file = new Menu("File", null, item("Open…", "Shortcut+O", a::chooseStore), item("Open the demo store", null, a::openDemo), recent,
                refresh, new SeparatorMenuItem(), item("Quit", "Shortcut+Q", a::quit));
        var view = new Menu("View");
        for (Navigation.View v : Navigation.View.values()) {
            view.getItems().add(item(v.title(), "Shortcut+" + (v.ordinal() + 1), () -> a.show(v)));
        }
        var find = item("Find…", "Shortcut+F", () -> a.find(null));
        find.disableProperty().bind(noStore);
        var searchAll = item("Search all snapshots…", "Shortcut+Shift+F", a::searchAll);
        searchAll.disableProperty().bind(noStore);
        view.getItems().addAll(find, searchAll);
        var verify = item("Verify", "Shortcut+Shift+V", a::verify);
        var restore = item("Restore…", "Shortcut+Shift+R", a::restore);
        var export = item("Export as zip or tar…", "Shortcut+E", a::export);
        verify.disableProperty().bind(noStore);
        restore.disableProperty().bind(noStore);
        export.disableProperty().bind(noStore);
        var help = new Menu("Help", null, item("About Pack Inspector", null, a::about));
        var bar = new MenuBar(file, view, new Menu("Store", null, verify, restore, export), help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    static ToolBar toolbar(Actions a, ObservableBooleanValue noStore) {
        var find = findField(a);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var refresh = button("Refresh", "Pick up packs and snapshots chkpt added (F5)", a::refresh);
        var verify = button("Verify", "Check every pack, object and catalog reference (Ctrl+Shift+V)", a::verify);
        var restore = button("Restore…", "Restore the selected files, or the whole snapshot, or the selected objects (Ctrl+Shift+R)", a::restore);
        var export = button("Export…", "Write the selected files, or the whole snapshot, into a zip or tar archive (Ctrl+E)", a::export);
        export.setId("export");
        for (var needsStore : List.of(refresh, verify, restore, export, find)) {
            needsStore.disableProperty().bind(noStore);
        }
        return new ToolBar(button("Open…", "Open a store or a bare packs folder (Ctrl+O)", a::chooseStore),
                refresh, new Separator(Orientation.VERTICAL), verify, restore, export, spacer, find);
    }

    /**
     * The field that finds anything: files by name or path in every snapshot (Search shows them as
     * they are typed) and objects when the text looks like the start of an id; Down moves into
     * what it found, Enter opens the first.
     */
    private static TextField findField(Actions a) {
        TextField find = TextFields.createClearableTextField();
        find.setId("find");
        find.setPromptText("Find files in every snapshot, or an object id…  (Ctrl+F)");
        find.setTooltip(new Tooltip("Text finds paths in every snapshot; *, ? and [..] make a glob (*.rs, src/**/test_*); hex digits also find "
                + "objects whose id starts with them. Down: into the results. Enter: open the first."));
        find.setPrefColumnCount(30);
        find.textProperty().bindBidirectional(a.findText());
        find.textProperty().addListener((obs, old, text) -> {
            if (find.isFocused() && !text.isBlank()) {
                a.findTyped();
            }
        });
        find.setOnAction(e -> a.openFirstFound());
        find.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                e.consume();
                a.focusFound();
            }
        });
        return find;
    }

    private static MenuItem none() {
        var none = new MenuItem("(none yet)");
        none.setDisable(true);
        return none;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        var item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String text, String tip, Runnable action) {
        var b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setId("tool-" + text.replace("…", "").toLowerCase(Locale.ROOT));
        return b;
    }
}
