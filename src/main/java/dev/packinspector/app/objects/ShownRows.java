package dev.packinspector.app.objects;

import javafx.collections.ObservableListBase;

/**
 * The one list the Objects table shows, whose content is swapped for another {@link RowList}
 * (a filter, a sort). A table clears its sort order whenever its items list is replaced
 * (JDK-8092759), so a sort done in the background must change the content, not the list.
 */
final class ShownRows extends ObservableListBase<Integer> {
    private RowList rows = RowList.range(0, 0, false);

    void set(RowList next) {
        RowList old = rows;
        rows = next;
        beginChange();
        if (!old.isEmpty()) {
            // the old rows are an immutable view: they serve as the removed list without a copy
            nextRemove(0, old);
        }
        if (!next.isEmpty()) {
            nextAdd(0, next.size());
        }
        endChange();
    }

    @Override
    public Integer get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
