package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The object index narrows to the ids starting with the hex typed into its filter. */
class IndexFilterTest extends MainWindowTestBase {
    /** Every object id of basic, from the manifest's pack listings. */
    private static final TreeSet<String> IDS = new TreeSet<>();

    static {
        for (JsonNode pack : Fixtures.manifest("basic").get("packs")) {
            pack.get("entries_in_dat_order").forEach(e -> IDS.add(e.get("blob_hash").asText()));
        }
    }

    @BeforeEach
    void openBasicObjects() {
        ui.open(Fixtures.store("basic"));
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
        WindowDriver.waitUntil("the index shows every object", () -> ui.index().table().getItems().size() == IDS.size());
    }

    @Test
    void typingAnIdPrefixShowsExactlyTheIdsWithThatPrefix() {
        String id = Fixtures.manifest("basic").get("snapshots").get(1).get("files").get(0).get("blob_hash").asText();
        String prefix = id.substring(0, 4);
        List<String> expected = withPrefix(prefix);

        robot.clickOn("#index-filter").write(prefix);

        WindowDriver.waitUntil("the filter is applied", () -> ui.index().filterField().getText().equals(prefix));
        assertEquals(expected, shownIds());
        assertTrue(expected.contains(id));
        assertEquals(expected, visibleIdCells(), "the table draws exactly those ids");
        assertEquals(expected.size() + " of " + IDS.size() + " entries", countLabel());
    }

    @Test
    void everySingleHexDigitShowsItsShareOfTheIndex() {
        int total = 0;
        for (char c : "0123456789abcdef".toCharArray()) {
            String prefix = String.valueOf(c);
            WindowDriver.onFx(() -> ui.index().filter(prefix));
            List<String> shown = shownIds();
            assertEquals(withPrefix(prefix), shown, "prefix " + prefix);
            total += shown.size();
        }
        assertEquals(IDS.size(), total);
    }

    @Test
    void upperCaseHexMatchesToo() {
        String prefix = IDS.first().substring(0, 3);
        WindowDriver.onFx(() -> ui.index().filter(prefix.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(withPrefix(prefix), shownIds());
    }

    @Test
    void aFilterThatIsNotHexShowsNoRows() {
        robot.clickOn("#index-filter").write("xyz");

        WindowDriver.waitUntil("the filter is applied", () -> ui.index().filterField().getText().equals("xyz"));
        assertEquals(List.of(), shownIds());
        assertEquals(List.of(), visibleIdCells());
        assertEquals("not hex", countLabel());
        assertTrue(WindowDriver.onFx(() -> ui.index().filterField().getStyleClass().contains("danger")), "the field is marked");

        WindowDriver.onFx(() -> ui.index().filter(""));
        assertEquals(List.copyOf(IDS), shownIds(), "clearing the filter shows everything again");
    }

    private static List<String> withPrefix(String prefix) {
        return IDS.stream().filter(i -> i.startsWith(prefix)).toList();
    }

    /** The ids of the rows the table holds, in order. */
    private List<String> shownIds() {
        return WindowDriver.onFx(() -> ui.index().table().getItems().stream()
                .map(row -> ui.session().packs().entryAt(row).id().toHex()).toList());
    }

    /** The texts of the Id cells the table has drawn. */
    private List<String> visibleIdCells() {
        WindowDriver.onFx(() -> ui.index().table().layout());
        return WindowDriver.onFx(() -> robot.from(ui.index().table()).lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && "col-id".equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(TableCell::getText).toList());
    }

    private String countLabel() {
        return WindowDriver.onFx(() -> robot.from(ui.index()).lookup(".label").<Label>queryAll().stream()
                .map(Label::getText).filter(t -> t != null && (t.endsWith(" entries") || t.equals("not hex"))).findFirst().orElse(null));
    }
}
