package dev.packinspector.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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

        /** Show the objects whose ids start with {@code prefix}; null: put the cursor in the index filter. */
        void find(String prefix);

        /** Show the search across every snapshot, with the cursor in its field. */
        void searchAll();

        void verify();

        /** Restore the whole of the snapshot selected in Snapshots. */
        void restoreSnapshot();

        /** Restore what is selected in the view shown: files and folders in Snapshots, objects in Objects. */
        void restoreSelection();

        /** Export the whole of the snapshot selected in Snapshots as an archive. */
        void exportSnapshot();

        /** Export the files and folders selected in Snapshots as an archive. */
        void exportSelection();

        /** True while there is no snapshot to restore or export. */
        ObservableBooleanValue noSnapshot();

        /** True while the view shown has nothing selected to restore. */
        ObservableBooleanValue noSelection();

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
        var find = item("Find object…", "Shortcut+F", () -> a.find(null));
        find.disableProperty().bind(noStore);
        var searchAll = item("Search all snapshots…", "Shortcut+Shift+F", a::searchAll);
        searchAll.disableProperty().bind(noStore);
        view.getItems().addAll(find, searchAll);
        var verify = item("Verify", "Shortcut+Shift+V", a::verify);
        var restoreSnapshot = item("Restore snapshot…", "Shortcut+Shift+R", a::restoreSnapshot);
        var restoreSelection = item("Restore selection…", "Shortcut+R", a::restoreSelection);
        var exportSnapshot = item("Export snapshot as zip or tar…", "Shortcut+E", a::exportSnapshot);
        var exportSelection = item("Export selection as zip or tar…", "Shortcut+Shift+E", a::exportSelection);
        verify.disableProperty().bind(noStore);
        restoreSnapshot.disableProperty().bind(a.noSnapshot());
        restoreSelection.disableProperty().bind(a.noSelection());
        exportSnapshot.disableProperty().bind(a.noSnapshot());
        exportSelection.disableProperty().bind(a.noSelection());
        var help = new Menu("Help", null, item("About Pack Inspector", null, a::about));
        var bar = new MenuBar(file, view, new Menu("Store", null, verify, new SeparatorMenuItem(), restoreSnapshot, restoreSelection, new SeparatorMenuItem(),
                exportSnapshot, exportSelection), help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    static ToolBar toolbar(Actions a, ObservableBooleanValue noStore) {
        var find = new TextField();
        find.setId("find");
        find.setPromptText("Find object by id prefix…");
        find.setPrefColumnCount(22);
        find.setOnAction(e -> a.find(find.getText().trim()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var refresh = button("Refresh", "Pick up packs and snapshots chkpt added (F5)", a::refresh);
        var verify = button("Verify", "Check every pack, object and catalog reference (Ctrl+Shift+V)", a::verify);
        var restoreSnapshot = button("Restore snapshot…", "Restore the whole of the snapshot selected in Snapshots (Ctrl+Shift+R)", a::restoreSnapshot);
        restoreSnapshot.disableProperty().bind(a.noSnapshot());
        var restoreSelection = button("Restore selection…", "Restore the files and folders selected in Snapshots, or the objects selected in Objects (Ctrl+R)",
                a::restoreSelection);
        restoreSelection.disableProperty().bind(a.noSelection());
        var exportSnapshot = new MenuItem("Export snapshot…");
        exportSnapshot.setOnAction(e -> a.exportSnapshot());
        exportSnapshot.disableProperty().bind(a.noSnapshot());
        var exportSelection = new MenuItem("Export selection…");
        exportSelection.setOnAction(e -> a.exportSelection());
        exportSelection.disableProperty().bind(a.noSelection());
        var export = new MenuButton("Export", null, exportSnapshot, exportSelection);
        export.setId("export");
        export.setTooltip(new Tooltip("Write the snapshot (Ctrl+E) or the selected files (Ctrl+Shift+E) into a zip or tar archive"));
        export.disableProperty().bind(a.noSnapshot());
        for (var needsStore : List.of(refresh, verify, find)) {
            needsStore.disableProperty().bind(noStore);
        }
        return new ToolBar(button("Open…", "Open a store or a bare packs folder (Ctrl+O)", a::chooseStore),
                refresh, new Separator(Orientation.VERTICAL), verify, restoreSnapshot, restoreSelection, export, spacer, find);
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
        b.setId("tool-" + text.replace("…", "").toLowerCase(Locale.ROOT).replace(' ', '-'));
        return b;
    }
}
