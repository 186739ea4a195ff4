package dev.packinspector.app.shell;

import dev.packinspector.app.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
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

        /** Mount the store as a read-only folder and show it in the file manager. */
        void mount();

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

        /** Forget the recent stores. */
        void clearRecent();

        /** Show the keyboard shortcuts: {@code shortcuts} lists every one the menus define. */
        void shortcuts(List<Shortcut> shortcuts);

        void readme();

        void about();
    }

    /** One keyboard shortcut: where it lives ("File"), what it does ("Open…") and its keys, as the platform writes them. */
    record Shortcut(String where, String what, String keys) {
    }

    /** The shortcuts' second key (a menu item holds only one accelerator): F1, as in most applications. */
    private static final KeyCombination SHORTCUTS_AGAIN = new KeyCodeCombination(KeyCode.F1);

    private WindowCommands() {
    }

    /**
     * The menu bar; every item has a mnemonic (Alt+letter), and every accelerator it defines is
     * listed by Help ▸ Keyboard shortcuts, read from the items themselves. View ▸ Preview pane
     * shows and hides the preview as {@code previewShown} says.
     */
    static MenuBar menus(Actions a, Supplier<List<Path>> recentStores, Function<Path, String> storeName, ObservableBooleanValue noStore,
            BooleanProperty previewShown) {
        var recent = new Menu("_Recent stores");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : recentStores.get()) {
                var open = item(storeName.apply(p), null, () -> a.openStore(p));
                open.setMnemonicParsing(false); // a path's underscores are its own
                recent.getItems().add(open);
            }
            if (recent.getItems().isEmpty()) {
                recent.getItems().add(none());
            }
            var clear = item("_Clear recent", null, a::clearRecent);
            clear.setId("clear-recent");
            clear.setDisable(recentStores.get().isEmpty());
            recent.getItems().addAll(new SeparatorMenuItem(), clear);
        });
        recent.getItems().add(none());
        var refresh = item("Re_fresh", "F5", a::refresh);
        refresh.disableProperty().bind(noStore);
        var file = new Menu("_File", null, item("_Open…", "Shortcut+O", a::chooseStore), item("Open the _demo store", null, a::openDemo), recent,
                refresh, new SeparatorMenuItem(), item("_Quit", "Shortcut+Q", a::quit));
        var view = new Menu("_View");
        for (Navigation.View v : Navigation.View.values()) {
            var show = item(mnemonic(v), "Shortcut+" + (v.ordinal() + 1), () -> a.show(v));
            show.disableProperty().bind(noStore); // no store, no parts to show
            view.getItems().add(show);
        }
        var find = item("_Find…", "Shortcut+F", () -> a.find(null));
        find.disableProperty().bind(noStore);
        var searchAll = item("Search all s_napshots…", "Shortcut+Shift+F", a::searchAll);
        searchAll.disableProperty().bind(noStore);
        var previewPane = new CheckMenuItem("Pre_view pane");
        previewPane.setId("toggle-preview");
        previewPane.setAccelerator(new KeyCodeCombination(KeyCode.F8)); // as a mail client's reading pane
        previewPane.selectedProperty().bindBidirectional(previewShown);
        previewPane.disableProperty().bind(noStore);
        view.getItems().addAll(new SeparatorMenuItem(), previewPane, new SeparatorMenuItem(), find, searchAll);
        var verify = item("_Verify", "Shortcut+Shift+V", a::verify);
        var restoreSnapshot = item("_Restore snapshot…", "Shortcut+Shift+R", a::restoreSnapshot);
        var restoreSelection = item("Restore se_lection…", "Shortcut+R", a::restoreSelection);
        var exportSnapshot = item("_Export snapshot as zip or tar…", "Shortcut+E", a::exportSnapshot);
        var exportSelection = item("Export selec_tion as zip or tar…", "Shortcut+Shift+E", a::exportSelection);
        verify.disableProperty().bind(noStore);
        var mount = item("_Mount as a folder", "Shortcut+M", a::mount);
        mount.setId("mount-store");
        mount.disableProperty().bind(noStore);
        restoreSnapshot.disableProperty().bind(a.noSnapshot());
        restoreSelection.disableProperty().bind(a.noSelection());
        exportSnapshot.disableProperty().bind(a.noSnapshot());
        exportSelection.disableProperty().bind(a.noSelection());
        var help = new Menu("_Help");
        var bar = new MenuBar(file, view, new Menu("_Store", null, verify, new SeparatorMenuItem(), restoreSnapshot, restoreSelection,
                new SeparatorMenuItem(), exportSnapshot, exportSelection, new SeparatorMenuItem(), mount), help);
        Runnable showShortcuts = () -> a.shortcuts(shortcuts(bar));
        var keys = item("_Keyboard shortcuts", "Shortcut+Shift+Slash", showShortcuts);
        keys.setId("help-shortcuts");
        help.getItems().addAll(keys, item("_README", null, a::readme), new SeparatorMenuItem(), item("_About Pack Inspector", null, a::about));
        // F1 opens the shortcuts too: an accelerator of the window, as a menu item has only one
        bar.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(SHORTCUTS_AGAIN, showShortcuts);
            }
        });
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * Every keyboard shortcut of {@code bar}: each menu item's accelerator (found by walking the
     * menus, so the list cannot drift from them), F1, and the keys that close a dialog.
     */
    static List<Shortcut> shortcuts(MenuBar bar) {
        var out = new ArrayList<Shortcut>();
        for (Menu m : bar.getMenus()) {
            collect(plain(m.getText()), m.getItems(), out);
        }
        out.add(new Shortcut("Help", "Keyboard shortcuts", SHORTCUTS_AGAIN.getDisplayText()));
        out.add(new Shortcut("Dialogs and secondary windows", "Close", Dialogs.closeKeys()));
        return out;
    }

    private static void collect(String where, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(where + " ▸ " + plain(sub.getText()), sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(new Shortcut(where, i.isMnemonicParsing() ? plain(i.getText()) : i.getText(), i.getAccelerator().getDisplayText()));
            }
        }
    }

    /** A label without its mnemonic mark: "_Open…" reads "Open…". */
    static String plain(String text) {
        int at = text.indexOf('_');
        return at < 0 ? text : text.substring(0, at) + text.substring(at + 1);
    }

    /** A view's title with a mnemonic no other item of the View menu uses (three of them begin with S). */
    private static String mnemonic(Navigation.View v) {
        return switch (v) {
            case SNAPSHOTS -> "_Snapshots";
            case WORKSPACE -> "_Workspace";
            case PACKS -> "_Packs";
            case OBJECTS -> "_Objects";
            case PROBLEMS -> "Pro_blems";
            case SEARCH -> "Sea_rch";
            case COMPARE -> "_Compare";
            case SPACE -> "Sp_ace";
        };
    }

    static ToolBar toolbar(Actions a, ObservableBooleanValue noStore) {
        var find = findField(a);
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

    /**
     * The field that finds anything: files by name or path in every snapshot (Search shows them as
     * they are typed) and objects when the text looks like the start of an id; Down moves into
     * what it found, Enter opens the first.
     */
    private static TextField findField(Actions a) {
        TextField find = TextFields.createClearableTextField();
        find.setId("find");
        find.setPromptText("Find files or an object id… (Ctrl+F)");
        find.setTooltip(new Tooltip("Text finds paths in every snapshot; *, ? and [..] make a glob (*.rs, src/**/test_*; ** crosses folders, "
                + "and without / it matches file names); case is ignored unless you type a capital; hex digits also find "
                + "objects whose id starts with them. Down: into the results. Enter: open the first."));
        // narrow enough that the whole toolbar fits a 1024 px screen (a toolbar hides what does not fit)
        find.setPrefColumnCount(18);
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
        none.setMnemonicParsing(false);
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
