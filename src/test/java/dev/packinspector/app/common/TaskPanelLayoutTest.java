package dev.packinspector.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A running task's row reads fully at any window width: Cancel is never cut to "…", the title
 * and the throughput line wrap instead of being cut, and the panel stays within the window.
 */
class TaskPanelLayoutTest {
    private static final String TITLE = "Restoring 12,345 files of snapshot 2026-11-21 09:30 “simpler main, changelog”";
    private static final String MESSAGE = "8,210 of 12,345 files, 1.2 GB of 1.9 GB, 184.3 MB/s, about 4 s left";

    /** Window widths: a narrow one, the 1024 px screen's window (less the sidebar), and wide ones. */
    @ParameterizedTest
    @ValueSource(ints = {420, 860, 1400, 1600})
    void cancelReadsCancelAndNothingIsCutAtEveryWidth(int width) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        var release = new CountDownLatch(1);
        StatusLine status = fx(StatusLine::new);
        Tasks tasks = fx(() -> new Tasks(status));
        Stage stage = fx(() -> {
            // as the window holds it: floating over the bottom-right corner of the views
            var body = new StackPane(new Region(), tasks.panel());
            StackPane.setAlignment(tasks.panel(), Pos.BOTTOM_RIGHT);
            StackPane.setMargin(tasks.panel(), new Insets(0, 16, 12, 0));
            Theme.apply(javafx.application.ColorScheme.LIGHT);
            var s = new Stage();
            s.setScene(new Scene(body, width, 600));
            s.show();
            tasks.panel().showAfter(Duration.ZERO);
            return s;
        });
        try {
            fx(() -> tasks.job(TITLE, p -> {
                p.message(MESSAGE);
                release.await();
                return null;
            }).run());
            TaskPanel panel = tasks.panel();
            waitUntil("the row shows its message", () -> {
                panel.applyCss();
                panel.layout();
                return panel.lookupAll(".label").stream().anyMatch(n -> MESSAGE.equals(((Label) n).getText()));
            });
            fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                Button cancel = (Button) panel.lookupAll(".button").stream().filter(n -> "Cancel".equals(((Button) n).getText())).findFirst()
                        .orElseThrow();
                assertTrue(cancel.getWidth() >= cancel.prefWidth(-1) - 0.5, "Cancel is " + cancel.getWidth() + " wide, needs " + cancel.prefWidth(-1));
                assertEquals(List.of("Cancel"), shownTexts(cancel), "the button's text is drawn whole");
                for (Node n : panel.lookupAll(".label")) {
                    Label l = (Label) n;
                    if (l.getText() != null && !l.getText().isEmpty()) {
                        String drawn = String.join(" ", shownTexts(l)).replaceAll("\\s+", " ").strip();
                        assertEquals(l.getText().replaceAll("\\s+", " ").strip(), drawn, "drawn whole, wrapped if need be");
                        assertFalse(drawn.contains("…"), drawn);
                    }
                }
                double right = panel.localToScene(panel.getLayoutBounds()).getMaxX();
                assertTrue(right <= width, "the panel ends at " + right + ", inside the " + width + " px window");
                assertTrue(panel.getWidth() <= TaskPanel.WIDTH + 0.5, "the panel is at most " + TaskPanel.WIDTH + " wide: " + panel.getWidth());
                return null;
            });
        } finally {
            release.countDown();
            fx(() -> {
                tasks.close();
                stage.close();
                return null;
            });
        }
    }

    /** What the skin draws of {@code n}'s text: its Text nodes' strings (several lines when wrapped). */
    private static List<String> shownTexts(Node n) {
        return n.lookupAll(".text").stream().filter(t -> t instanceof Text).map(t -> ((Text) t).getText()).toList();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("gave up waiting until " + what);
        }
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
