package dev.packinspector.app.shell;

import dev.packinspector.app.common.Format;
import dev.packinspector.app.session.StoreSession;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/**
 * The list on the left: the parts of the open store with their counts; the part selected is shown
 * in {@link #centre()}. A store other than the one shown opens on its snapshots (its packs, if it
 * has none); the same store opened again (Refresh) keeps the part the user was looking at.
 */
public final class Navigation {
    /** The parts of a store, in the order they are listed. */
    public enum View {
        SNAPSHOTS, WORKSPACE, PACKS, OBJECTS, PROBLEMS, SEARCH, COMPARE, SPACE;

        /** "Snapshots" for SNAPSHOTS. */
        public String title() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ListView<View> list = new ListView<>();
    private final BorderPane centre = new BorderPane();
    private final Map<View, Node> views = new EnumMap<>(View.class);
    private final ObservableValue<StoreSession> session;
    private final ObservableList<?> problems;

    /** Lists the parts of {@code session}'s store; {@code problems} are counted beside Problems. */
    Navigation(ObservableValue<StoreSession> session, ObservableList<?> problems) {
        this.session = session;
        this.problems = problems;
        list.setId("nav");
        list.getItems().setAll(View.values());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(View item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> centre.setCenter(v == null ? null : views.get(v)));
        problems.addListener((ListChangeListener<Object>) c -> list.refresh());
        list.setPrefWidth(170);
        // nothing to show before a store is open: the list says so by being disabled, not by doing nothing
        list.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> session.getValue() == null, session));
        session.addListener((obs, old, now) -> shown(old, now));
    }

    /** Shows {@code node} when {@code view} is selected. */
    void add(View view, Node node) {
        views.put(view, node);
    }

    private void shown(StoreSession old, StoreSession now) {
        list.refresh();
        if (now == null) {
            return;
        }
        if (selected() == null || old == null || !old.path().equals(now.path())) {
            select(now.snapshots().isEmpty() ? View.PACKS : View.SNAPSHOTS);
        }
    }

    private String label(View v) {
        StoreSession s = session.getValue();
        if (s == null) {
            return v.title();
        }
        long n = switch (v) {
            case SNAPSHOTS -> s.snapshots().size();
            case PACKS -> s.packs().packs().size() + (s.trees().folderExists() ? 1 : 0);
            case OBJECTS -> s.packs().entryCount() + Math.max(0, s.trees().treeCount());
            case PROBLEMS -> problems.size();
            case WORKSPACE, SEARCH, COMPARE, SPACE -> -1;
        };
        return n < 0 ? v.title() : v.title() + "   " + Format.count(n);
    }

    Node view(View v) {
        return views.get(v);
    }

    public void select(View v) {
        list.getSelectionModel().select(v);
    }

    public View selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** The part shown, as it changes. */
    ObservableValue<View> selectedView() {
        return list.getSelectionModel().selectedItemProperty();
    }

    ListView<View> list() {
        return list;
    }

    /** Where the selected part is shown. */
    BorderPane centre() {
        return centre;
    }
}
