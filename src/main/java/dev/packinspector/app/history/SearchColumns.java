package dev.packinspector.app.history;

import dev.packinspector.app.common.Columns;
import dev.packinspector.app.common.FileKind;
import dev.packinspector.app.common.Format;
import dev.packinspector.app.common.TreeColumns;
import dev.packinspector.app.common.TypeToFind;
import dev.packinspector.app.history.SearchView.FileRow;
import dev.packinspector.app.history.SearchView.Note;
import dev.packinspector.app.history.SearchView.PathRow;
import dev.packinspector.app.history.SearchView.Row;
import dev.packinspector.app.history.SearchView.UseRow;
import dev.packinspector.app.history.SearchView.VersionRow;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TreeTableView;

/**
 * The columns of Search's results: path or version (after its kind's icon, naturally sorted),
 * size and mode by value, object, and the snapshots (by how many). The path flexes; the object,
 * mode and size columns give way, in that order, to a narrow window.
 */
final class SearchColumns {
    private SearchColumns() {
    }

    static void install(TreeTableView<Row> results, Function<Row, String> title, Function<Row, String> object, Function<Row, String> where) {
        var columns = new TreeColumns<Row>(r -> false);
        results.getColumns().setAll(List.of(columns.name("Path / version", 260, title, SearchColumns::kind),
                columns.number("Size", 80, r -> bytes(r) < 0 ? "" : Format.bytes(bytes(r)), SearchColumns::bytes),
                columns.name("Object", 110, object),
                columns.mode("Mode", SearchColumns::mode),
                columns.sorted("Snapshots", 180, where, Comparator.comparingLong(SearchColumns::count).thenComparing(where, Columns.NATURAL))));
        TreeColumns.fit(results, results.getColumns().getFirst(), 160);
        var shown = results.getColumns();
        Columns.dropWhenNarrow(results, shown, List.of(shown.get(2), shown.get(3), shown.get(1)));
        TypeToFind.install(results, title);
    }

    private static long bytes(Row row) {
        return switch (row) {
            case VersionRow v -> v.version().entry().size();
            case FileRow f -> f.found().size();
            default -> -1;
        };
    }

    private static long mode(Row row) {
        return switch (row) {
            case VersionRow v -> v.version().entry().mode();
            case UseRow u -> u.use().mode();
            default -> -1;
        };
    }

    private static FileKind kind(Row row) {
        return switch (row) {
            case PathRow p -> p.path().versions().isEmpty() ? FileKind.FILE : FileKind.of(p.path().versions().getLast().entry().mode());
            case VersionRow v -> FileKind.of(v.version().entry().mode());
            case FileRow f -> FileKind.FILE;
            case UseRow u -> FileKind.of(u.use().mode());
            case Note n -> null;
        };
    }

    /** What the Snapshots column sorts by first: how many versions or snapshots a row names. */
    private static long count(Row row) {
        return switch (row) {
            case PathRow p -> p.path().versions().size();
            case VersionRow v -> v.version().snapshots().size();
            case FileRow f -> f.found().uses().size();
            default -> 0;
        };
    }
}
