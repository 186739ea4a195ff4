package dev.packinspector.app.shell;

import dev.packinspector.app.common.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the window shows before a store is open: the stores chkpt keeps for this user (with
 * snapshot count, size and last save), recent stores, and a way in when there are none.
 */
final class StartPage extends VBox {
    /** The page for a window showing {@code model}, scrolling: the stores in {@code root}, the recent ones; {@code choose} asks for a folder. */
    static ScrollPane of(Path root, WindowModel model, Runnable choose) {
        var found = StoreFinder.find(root, model.chkptHome(), model.recentWorkspaces());
        var scroll = new ScrollPane(new StartPage(root, found, model.recentStores(), model::storeName, model::open, choose, model::openDemo,
                model::clearRecent));
        scroll.setFitToWidth(true); // its sentences wrap to the window rather than scroll sideways
        return scroll;
    }

    StartPage(Path root, List<StoreFinder.FoundStore> found, List<Path> recent, Function<Path, String> storeName, Consumer<Path> open,
            Runnable choose, Runnable demo, Runnable clearRecent) {
        setId("start-page");
        setSpacing(10);
        setPadding(new Insets(24));
        setAlignment(Pos.TOP_LEFT);
        var title = new Label("Pack Inspector");
        title.getStyleClass().add("title-1");
        var lead = new Label("Open a folder you saved with chkpt, a chkpt store (a folder with packs/ and catalog.sqlite) or a bare "
                + "packs/ folder. You can also drop a folder onto this window.");
        lead.setWrapText(true);
        var openButton = new Button("Open folder…");
        openButton.setId("start-open");
        openButton.setTooltip(new Tooltip("Choose a folder you saved with chkpt, or a store folder (Ctrl+O)"));
        openButton.setOnAction(e -> choose.run());
        if (!found.isEmpty()) {
            openButton.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        }
        getChildren().addAll(title, lead, openButton);

        var storesTitle = new Label("Stores in " + root);
        storesTitle.getStyleClass().add("title-4");
        getChildren().add(storesTitle);
        if (found.isEmpty()) {
            var none = new Label("chkpt has no stores here yet. Try the demo store: two saves of a small project, written by Pack Inspector itself.");
            none.setWrapText(true);
            var demoButton = new Button("Open the demo store");
            demoButton.setId("start-demo");
            demoButton.setTooltip(new Tooltip("Writes a small store into a temporary folder (deleted when Pack Inspector quits) and opens it"));
            demoButton.setOnAction(e -> demo.run());
            demoButton.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
            getChildren().addAll(none, demoButton);
        }
        for (StoreFinder.FoundStore s : found) {
            // a store is named by the folder it keeps where that is known (its name is a hash of that folder's path)
            String name = s.workspace() != null ? StoreFinder.named(s.workspace(), s.path()) : s.path().getFileName().toString();
            var link = new Hyperlink(name + "  —  " + (s.problem() != null ? s.problem()
                    : Format.count(s.snapshots(), "snapshot") + ", " + Format.bytes(s.packBytes()) + (s.lastSave() == null ? "" : ", last save " + Format.time(s.lastSave()))
                            + (s.note() == null ? "" : " (" + s.note() + ")")));
            link.setMnemonicParsing(false);
            link.setOnAction(e -> open.accept(s.path()));
            getChildren().add(link);
        }
        if (!recent.isEmpty()) {
            var recentTitle = new Label("Recent");
            recentTitle.getStyleClass().add("title-4");
            var links = new ArrayList<Node>();
            for (Path p : recent) {
                var link = new Hyperlink(storeName.apply(p));
                link.setMnemonicParsing(false);
                link.setOnAction(e -> open.accept(p));
                links.add(link);
            }
            var clear = new Button("Clear recent");
            clear.setId("start-clear-recent");
            clear.setTooltip(new Tooltip("Forget these stores (nothing is deleted)"));
            clear.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
            var heading = new HBox(12, recentTitle, clear);
            heading.setAlignment(Pos.BASELINE_LEFT);
            getChildren().add(heading);
            getChildren().addAll(links);
            clear.setOnAction(e -> {
                clearRecent.run();
                getChildren().remove(heading);
                getChildren().removeAll(links);
            });
        }
    }
}
