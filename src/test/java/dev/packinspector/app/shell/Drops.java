package dev.packinspector.app.shell;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files from "another application" onto a node: the headless platform has no OS drag and
 * drop, so this builds the {@link Dragboard} such a drag carries (over an in-memory peer that
 * offers every transfer mode, as a file manager does) and fires DRAG_OVER and DRAG_DROPPED at the
 * node's centre, bubbling up to the scene like a real drop. FX thread only.
 */
final class Drops {
    /** What the window answered: the mode it accepted on DRAG_OVER (null if it refused) and whether it completed the drop. */
    record Outcome(TransferMode accepted, boolean completed) {
    }

    private Drops() {
    }

    static Outcome drop(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryPeer());
        var content = new ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        Point2D scene = target.localToScene(target.getBoundsInLocal().getCenterX(), target.getBoundsInLocal().getCenterY());
        Point2D screen = target.localToScreen(target.getBoundsInLocal().getCenterX(), target.getBoundsInLocal().getCenterY());
        var over = new DragEvent(null, target, DragEvent.DRAG_OVER, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, null, null, null);
        Event.fireEvent(target, over);
        TransferMode accepted = over.getAcceptedTransferMode();
        var dropped = new DragEvent(null, target, DragEvent.DRAG_DROPPED, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                accepted == null ? TransferMode.COPY : accepted, null, null, null);
        Event.fireEvent(target, dropped);
        return new Outcome(accepted, dropped.isDropCompleted());
    }

    /** The clipboard peer of a drag coming from outside the application. */
    private static final class MemoryPeer implements TKClipboard {
        private final Map<DataFormat, Object> values = new HashMap<>();

        @Override
        public Set<DataFormat> getContentTypes() {
            return values.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            values.clear();
            for (Pair<DataFormat, Object> p : content) {
                values.put(p.getKey(), p.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            Object v = values.get(format);
            if (v instanceof List<?> list && format == DataFormat.FILES) {
                return list.stream().map(File.class::cast).toList();
            }
            return v;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return values.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.allOf(TransferMode.class);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
