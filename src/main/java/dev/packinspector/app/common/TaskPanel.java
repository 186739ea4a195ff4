package dev.packinspector.app.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The running background tasks, one row each: title, progress and Cancel on a line, the message
 * (counts, throughput, ETA) under them; nothing is cut off at any window width. A row appears only once its task has run for {@link #SHOW_AFTER}, so quick
 * tasks never flash by; when its task ends it becomes a note of the outcome for
 * {@link #NOTICE_FOR}. Every outcome also goes to the status line.
 */
public final class TaskPanel extends VBox {
    public static final Duration SHOW_AFTER = Duration.millis(300);
    /** The panel's width when the window leaves room for it (it narrows with a narrower window). */
    static final double WIDTH = 560;

    private final StatusLine status;
    private final Set<Task<?>> running = new HashSet<>();
    private Duration showAfter = SHOW_AFTER;

    TaskPanel(StatusLine status) {
        this.status = status;
        setId("tasks");
        setSpacing(4);
        setPadding(new Insets(8));
        // wide enough for a title, a bar and Cancel on one line, narrow enough to leave the views visible
        setMaxWidth(WIDTH);
        setMaxHeight(USE_PREF_SIZE);
        setPickOnBounds(false);
        getStyleClass().add("task-panel");
        // an empty panel takes no room and catches no clicks
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(getChildren()));
        managedProperty().bind(visibleProperty());
    }

    /**
     * Shows {@code task}'s row while it runs (once it has run for {@link #SHOW_AFTER}) and its
     * outcome after: {@code done} words a success (null: say nothing), {@code good} tells a clean
     * result from one that found trouble, {@code reportCancel} whether a cancellation is said, and
     * {@code reportFailure} whether a failure is (a failure its job handles is not). {@code standing}
     * (or null): the task stands until stopped (a mount), so its row has no bar and its button says
     * what stopping it does.
     */
    <T> void track(Task<T> task, java.util.function.Function<T, String> done, java.util.function.Predicate<T> good, boolean reportCancel,
            java.util.function.Predicate<Throwable> reportFailure, Tasks.Standing standing) {
        // the title, the bar and Cancel on one line, the counts, throughput and ETA below: each wraps
        // rather than being cut, and Cancel always reads Cancel
        var title = new Label();
        title.textProperty().bind(task.titleProperty());
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        var bar = new ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setPrefWidth(140);
        bar.setMinWidth(Region.USE_PREF_SIZE); // every row's bar the same width: the title gives way and wraps
        var cancel = new Button(standing == null ? "Cancel" : standing.stop());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setTooltip(new Tooltip(standing == null ? "Stop this task; nothing half-written is left behind" : standing.tip()));
        cancel.setOnAction(e -> task.cancel());
        var top = standing == null ? new HBox(8, title, bar, cancel) : new HBox(8, title, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        var row = new VBox(2, top, message);
        row.getStyleClass().add("task-row");
        running.add(task);
        var delay = new PauseTransition(showAfter);
        delay.setOnFinished(e -> {
            if (running.contains(task)) {
                getChildren().add(row);
            }
        });
        delay.play();
        task.stateProperty().addListener((obs, old, state) -> {
            String outcome = null;
            Mark mark = Mark.FAILED;
            if (state == Worker.State.SUCCEEDED) {
                outcome = done.apply(task.getValue());
                mark = good.test(task.getValue()) ? Mark.DONE : Mark.TROUBLE;
                if (outcome != null) {
                    status.info(outcome);
                }
            } else if (state == Worker.State.FAILED && reportFailure.test(task.getException())) {
                status.error(task.getTitle() + " failed", task.getException());
                outcome = status.text();
            } else if (state == Worker.State.CANCELLED && reportCancel) {
                status.info(task.getTitle() + " cancelled");
            }
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
                delay.stop();
                int at = getChildren().indexOf(row);
                if (at >= 0 && outcome != null) {
                    // a task long enough to be shown ends with a note of how it ended
                    getChildren().set(at, notice(outcome, mark));
                } else {
                    getChildren().remove(row);
                }
            }
        });
    }

    /** How long a task's outcome note stays. */
    static final Duration NOTICE_FOR = Duration.seconds(6);

    /** How a task ended: done, done but it found trouble (problems, files not restored), or failed. */
    private enum Mark {
        DONE("✓", "success"), TROUBLE("!", "warning"), FAILED("✗", "danger");

        final String symbol;
        final String style;

        Mark(String symbol, String style) {
            this.symbol = symbol;
            this.style = style;
        }
    }

    private HBox notice(String text, Mark how) {
        var mark = new Label(how.symbol);
        mark.getStyleClass().add(how.style);
        var message = new Label(text);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        var close = new Button("×");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip("Dismiss"));
        var row = new HBox(8, mark, message, close);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("task-row", "task-notice");
        close.setOnAction(e -> getChildren().remove(row));
        var later = new PauseTransition(NOTICE_FOR);
        later.setOnFinished(e -> getChildren().remove(row));
        later.play();
        return row;
    }

    /** How long a task runs before its row appears (tests that press Cancel want it at once). */
    public void showAfter(Duration delay) {
        showAfter = delay;
    }

    /** True while any task started here is still running (shown yet or not). */
    public boolean busy() {
        return !running.isEmpty();
    }

    /** Cancels every running task (the window is closing). */
    void cancelAll() {
        List.copyOf(running).forEach(Task::cancel);
    }
}
