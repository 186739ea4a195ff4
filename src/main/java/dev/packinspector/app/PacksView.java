package dev.packinspector.app;

import dev.packinspector.store.PackStatus;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Every pack of the store: entries, data size, content size the catalog records, ratio, state and why. */
final class PacksView extends TableView<PackStatus> {
    private Map<String, Long> contentBytes = Map.of();

    PacksView() {
        setId("packs-view");
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        setPlaceholder(new Label("This folder holds no packs yet"));
        getColumns().setAll(java.util.List.of(
                Columns.text("Pack", 160, PackStatus::name),
                Columns.text("State", 100, p -> p.state().label()),
                Columns.text("Entries", 90, p -> p.readable() ? Format.count(p.entryCount()) : "—"),
                Columns.text("Data", 90, p -> Format.bytes(p.dataBytes())),
                Columns.text("Content", 90, p -> Format.bytes(contentBytes.getOrDefault(p.name(), -1L))),
                Columns.text("Ratio", 70, this::ratio),
                Columns.text("Problem", 520, p -> p.problem() == null ? "" : p.problem().getMessage())));
        Columns.onlyLastFlexes(this);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PackStatus p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("pack-incomplete", "pack-damaged");
                setTooltip(null);
                if (!empty && p != null && p.problem() != null) {
                    getStyleClass().add(p.state() == dev.packinspector.store.PackState.INCOMPLETE ? "pack-incomplete" : "pack-damaged");
                    setTooltip(new Tooltip(p.problem().getMessage()));
                }
            }
        });
    }

    private String ratio(PackStatus p) {
        long content = contentBytes.getOrDefault(p.name(), -1L);
        return content > 0 && p.dataBytes() > 0 ? String.format(Locale.ROOT, "%.2f", (double) content / p.dataBytes()) : "—";
    }

    void show(StoreSession session) {
        contentBytes = session.contentBytesByPack();
        setItems(FXCollections.observableArrayList(session.packs().packs()));
    }
}
