package dev.packinspector.app.packs;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.TypeToFind;
import dev.packinspector.app.session.StoreSession;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Every pack of the store, the tree pack last: kind, entries, data size, content size the catalog
 * records, ratio, state and why.
 */
public final class PacksView extends TableView<PackRow> {
    private Map<String, Long> contentBytes = Map.of();

    /** The packs of {@code session}'s store, whichever is open. */
    public PacksView(ObservableValue<StoreSession> session) {
        setId("packs-view");
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        setPlaceholder(new Label("This folder holds no packs yet"));
        getColumns().setAll(java.util.List.of(
                Columns.name("Pack", 165, PackRow::name),
                Columns.name("Kind", 60, PackRow::kind),
                Columns.name("State", 95, PackRow::state),
                Columns.number("Entries", 75, p -> p.entries() >= 0 ? Format.count(p.entries()) : "—", PackRow::entries),
                Columns.number("Data", 80, p -> Format.bytes(p.dataBytes()), PackRow::dataBytes),
                Columns.number("Content", 80, p -> Format.bytes(contentBytes.getOrDefault(p.name(), -1L)), p -> contentBytes.getOrDefault(p.name(), -1L)),
                Columns.number("Ratio", 60, this::ratio, this::ratioValue),
                Columns.name("Problem", 520, PackRow::reason)));
        Columns.fit(this, getColumns().getLast(), 160);
        var c = getColumns();
        Columns.dropWhenNarrow(this, c, java.util.List.of(c.get(5), c.get(6), c.get(1), c.get(3), c.get(4)));
        TypeToFind.install(this, PackRow::name);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PackRow p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("pack-incomplete", "pack-damaged");
                setTooltip(null);
                if (!empty && p != null && p.problem() != null) {
                    if (p.incomplete() || p.damaged()) {
                        getStyleClass().add(p.incomplete() ? "pack-incomplete" : "pack-damaged");
                    }
                    setTooltip(new Tooltip(p.problem().getMessage()));
                }
            }
        });
        session.addListener((obs, old, now) -> show(now));
    }

    /** Selects and shows pack {@code name} (as in {@code pack-<name>.dat}), if it is listed. */
    public void select(String name) {
        getItems().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p -> {
            getSelectionModel().select(p);
            scrollTo(p);
        });
    }

    private String ratio(PackRow p) {
        double r = ratioValue(p);
        return r >= 0 ? String.format(Locale.ROOT, "%.2f", r) : "—";
    }

    /** Content bytes per stored byte, or -1 when either is unknown. */
    private double ratioValue(PackRow p) {
        long content = contentBytes.getOrDefault(p.name(), -1L);
        return content > 0 && p.dataBytes() > 0 ? (double) content / p.dataBytes() : -1;
    }

    private void show(StoreSession session) {
        if (session == null) {
            contentBytes = Map.of();
            getItems().clear();
            return;
        }
        contentBytes = session.contentBytesByPack();
        var rows = FXCollections.<PackRow>observableArrayList();
        session.packs().packs().forEach(p -> rows.add(PackRow.of(p)));
        PackRow trees = PackRow.of(session.trees());
        if (trees != null) {
            rows.add(trees);
        }
        setItems(rows);
    }
}
