package dev.packinspector.app.history;

import dev.packinspector.app.common.Format;
import dev.packinspector.store.ObjectId;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.scene.control.Hyperlink;

/**
 * Beneath Search's summary when the query looks like the start of an object id (at least
 * {@link #MIN_DIGITS} hex digits): "3 objects have ids starting with 3f2a: show in Objects".
 * Hidden otherwise, and when no id starts so.
 */
final class ObjectsLink extends Hyperlink {
    /** Text this long or longer, all hex digits, is also looked up as the start of an object id. */
    static final int MIN_DIGITS = 4;

    private final ToIntFunction<String> count;
    /** The id prefix the link leads to, or null while it is hidden. */
    private String prefix;

    /** {@code count} tells how many objects have ids starting with a prefix; {@code show} shows them. */
    ObjectsLink(ToIntFunction<String> count, Consumer<String> show) {
        this.count = count;
        setId("find-objects");
        setOnAction(e -> {
            if (prefix != null) {
                show.accept(prefix);
            }
        });
        lead(null);
    }

    /** Looks {@code query} up as an id prefix, if it looks like one, and shows or hides the link. */
    void lookUp(String query) {
        String hex = query.strip().toLowerCase(Locale.ROOT);
        if (hex.length() < MIN_DIGITS || hex.length() > 2 * ObjectId.BYTES || !ObjectId.isHex(hex)) {
            lead(null);
            return;
        }
        int n = count.applyAsInt(hex);
        lead(n == 0 ? null : hex);
        setText(Format.count(n, "object") + (n == 1 ? " has an id" : " have ids") + " starting with " + hex + ": show in Objects");
    }

    /** The prefix the link leads to, or null while it is hidden. */
    String prefix() {
        return prefix;
    }

    private void lead(String to) {
        prefix = to;
        setVisible(to != null);
        setManaged(to != null);
    }
}
