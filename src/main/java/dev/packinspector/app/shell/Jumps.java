package dev.packinspector.app.shell;

import dev.packinspector.app.common.StatusLine;
import dev.packinspector.app.history.CompareView;
import dev.packinspector.app.history.SearchView;
import dev.packinspector.app.shell.Navigation.View;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;

/** A feature asking to show something another feature shows: that view, selected and pointed at it. */
final class Jumps {
    private final Navigation nav;
    private final StatusLine status;

    Jumps(Navigation nav, StatusLine status) {
        this.nav = nav;
        this.status = status;
    }

    /** Every version of {@code path}, in Search. */
    void history(String path) {
        nav.select(View.SEARCH);
        ((SearchView) nav.view(View.SEARCH)).showHistory(path);
    }

    /** What changed from {@code older} to {@code newer}, in Compare. */
    void compare(Snapshot older, Snapshot newer) {
        var compare = (CompareView) nav.view(View.COMPARE);
        nav.select(View.COMPARE);
        if (compare.choices().stream().noneMatch(s -> s.id().equals(newer.id()))) {
            status.info("Compare needs the snapshots indexed: try again once indexing has finished");
            return;
        }
        compare.compare(older, newer);
    }

    /** The snapshot paths that use object {@code id}, in Search. */
    void uses(ObjectId id) {
        nav.select(View.SEARCH);
        ((SearchView) nav.view(View.SEARCH)).showUses(id);
    }
}
