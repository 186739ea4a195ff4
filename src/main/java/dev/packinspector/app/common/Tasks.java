package dev.packinspector.app.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The one way the window runs work in the background (after cryptomator's {@code Tasks}): a
 * {@link Job} names its work, says what happens on success, on each kind of error, on
 * cancellation and in any case, and whether its row shows in the {@link TaskPanel} with a
 * sentence of its outcome, or quietly (only an unhandled failure is reported). A job run
 * {@linkplain Job#in in} a {@link Latest} slot cancels the slot's older jobs, and a result that
 * arrives after its job was superseded is dropped: no view checks by hand whether a result is
 * still wanted. A failure no handler takes goes to the status line and the log.
 *
 * <p>Callbacks run on the FX thread; the work runs on the shared executor.
 */
public final class Tasks implements AutoCloseable {
    private final BackgroundTasks executor = new BackgroundTasks();
    private final StatusLine status;
    private final TaskPanel panel;
    private boolean closed;

    public Tasks(StatusLine status) {
        this.status = status;
        this.panel = new TaskPanel(status);
    }

    /** What a job does off the FX thread; {@code progress} reports how far it is and whether it was cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** How a job's work talks back: its message and progress (shown in its row), and whether it should stop. */
    public interface Progress {
        void message(String text);

        void progress(long done, long total);

        /** True once the job is cancelled: the work should stop soon. */
        boolean isCancelled();
    }

    /** Workers for restores and verifies started from the window (see {@link BackgroundTasks#workers()}). */
    public static int workers() {
        return BackgroundTasks.workers();
    }

    /** A job titled {@code title} doing {@code work}; configure it, then {@link Job#run()} it. */
    public <T> Job<T> job(String title, Work<T> work) {
        return new Job<>(title, work);
    }

    /** The rows of running jobs. */
    public TaskPanel panel() {
        return panel;
    }

    /** True while any job is running. */
    public boolean busy() {
        return panel.busy();
    }

    /** Cancels every running job and runs no new one: the window is closing. */
    @Override
    public void close() {
        closed = true;
        panel.cancelAll();
        executor.close();
    }

    /**
     * A slot for work driven by a selection or a store: a job run {@linkplain Job#in in} it
     * cancels the jobs already there, one run {@linkplain Job#alongside alongside} joins them. Only
     * jobs still in the slot deliver their results. Only the FX thread uses it.
     */
    public static final class Latest {
        private final Set<Task<?>> members = new HashSet<>();

        /** Cancels the slot's jobs; their late results are dropped. */
        public void cancel() {
            var old = List.copyOf(members);
            members.clear();
            old.forEach(Task::cancel);
        }

        /** True while a job of this slot is running. */
        public boolean running() {
            return !members.isEmpty();
        }
    }

    /** One piece of background work being described; {@link #run()} starts it. */
    public final class Job<T> {
        private final String title;
        private final Work<T> work;
        private String message = "";
        private Consumer<? super T> onSuccess = v -> { };
        private final Map<Class<? extends Throwable>, Consumer<Throwable>> onError = new LinkedHashMap<>();
        private final List<Runnable> onCancel = new ArrayList<>();
        private Runnable andFinally = () -> { };
        private Function<? super T, String> done = v -> null;
        private Predicate<? super T> good = v -> true;
        private boolean quiet;
        private Latest slot;
        private boolean replace;
        private Consumer<? super T> discard;
        private Standing standing;

        private Job(String title, Work<T> work) {
            this.title = title;
            this.work = work;
        }

        /** The first line under the title, until the work says more. */
        public Job<T> message(String text) {
            this.message = text;
            return this;
        }

        public Job<T> onSuccess(Consumer<? super T> action) {
            this.onSuccess = action;
            return this;
        }

        /** Handles a failure of type {@code type} (the first registered type that matches wins); it is then not reported. */
        @SuppressWarnings("unchecked")
        public <E extends Throwable> Job<T> onError(Class<E> type, Consumer<? super E> action) {
            onError.put(type, e -> action.accept((E) e));
            return this;
        }

        /** Runs when the job is cancelled (by Cancel, a newer job in its slot, or the window closing). */
        public Job<T> onCancel(Runnable action) {
            onCancel.add(action);
            return this;
        }

        /** Runs after success, failure or cancellation, whichever came. */
        public Job<T> andFinally(Runnable action) {
            this.andFinally = action;
            return this;
        }

        /** The sentence for the status line and the row's note on success (null says nothing); {@code good} tells a clean result from trouble. */
        public Job<T> report(Function<? super T, String> sentence, Predicate<? super T> good) {
            this.done = sentence;
            this.good = good;
            return this;
        }

        public Job<T> report(Function<? super T, String> sentence) {
            return report(sentence, v -> true);
        }

        /** Work the user did not ask for: its row shows while slow, but only an unhandled failure is reported. */
        public Job<T> quiet() {
            this.quiet = true;
            return this;
        }

        /** Runs in {@code latest}, cancelling the jobs there; a late result is dropped. */
        public Job<T> in(Latest latest) {
            this.slot = latest;
            this.replace = true;
            return this;
        }

        /** Runs in {@code latest} beside the jobs there (they end together when the slot is cancelled). */
        public Job<T> alongside(Latest latest) {
            this.slot = latest;
            this.replace = false;
            return this;
        }

        /** A result that is not delivered (its job was superseded or cancelled late) is handed here, off the FX thread, to be closed. */
        public Job<T> discard(Consumer<? super T> closer) {
            this.discard = closer;
            return this;
        }

        /** Work that stands until stopped (a mount): its row shows no bar, and its button reads {@code stop} ("Unmount"). */
        public Job<T> standing(String stop, String tip) {
            this.standing = new Standing(stop, tip);
            return this;
        }

        /** Starts the job; its {@link Task} is returned for tests and for cancelling. */
        public Task<T> run() {
            if (!quiet) {
                status.dismissError(); // a new command: the last one's error no longer stands
            }
            var task = new FxTask<>(this);
            if (slot != null) {
                if (replace) {
                    slot.cancel();
                }
                slot.members.add(task);
            }
            task.stateProperty().addListener((obs, old, state) -> ended(task, state));
            // a superseded job that still succeeded says nothing: its result was dropped
            panel.track(task, v -> task.delivered ? done.apply(v) : null, v -> good.test(v), !quiet, e -> handler(e) == null, standing);
            if (closed) {
                task.cancel();
                return task;
            }
            return executor.submit(task);
        }

        private Consumer<Throwable> handler(Throwable e) {
            return onError.entrySet().stream().filter(h -> h.getKey().isInstance(e)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        private void ended(FxTask<T> task, Worker.State state) {
            if (state != Worker.State.SUCCEEDED && state != Worker.State.FAILED && state != Worker.State.CANCELLED) {
                return;
            }
            boolean wanted = !closed && (slot == null || slot.members.remove(task));
            if (state == Worker.State.CANCELLED) {
                task.discardResult();
                onCancel.forEach(Runnable::run);
            } else if (!wanted) {
                task.discardResult();
            } else if (state == Worker.State.SUCCEEDED) {
                task.delivered = true;
                onSuccess.accept(task.getValue());
            } else {
                Throwable e = task.getException();
                Consumer<Throwable> h = handler(e);
                if (h != null) {
                    h.accept(e);
                } else {
                    // nobody handled it: the panel has put it on the status line; keep the trace for a bug report
                    System.err.println("pack-inspector: " + title + " failed: " + e);
                    if (e != null && !(e instanceof dev.packinspector.store.StoreException) && !(e instanceof java.io.IOException)) {
                        e.printStackTrace();
                    }
                }
            }
            andFinally.run();
        }
    }

    /** How a row of work that stands until stopped reads: its button's label and tooltip. */
    record Standing(String stop, String tip) {
    }

    /** The only {@link Task} of the window: runs a job's work and lets it report progress. */
    private static final class FxTask<T> extends Task<T> implements Progress {
        private final Work<T> work;
        private final Consumer<? super T> discard;
        private final AtomicReference<T> result = new AtomicReference<>();
        /** Its result reached its job (only the FX thread reads and writes this). */
        private boolean delivered;

        FxTask(Job<T> job) {
            this.work = job.work;
            this.discard = job.discard;
            updateTitle(job.title);
            updateMessage(job.message);
        }

        @Override
        protected T call() throws Exception {
            T value = work.call(this);
            if (discard != null && value != null) {
                result.set(value);
                if (isCancelled()) {
                    discardResult();
                }
            }
            return value;
        }

        /** Hands an undelivered result to the job's closer, once. */
        void discardResult() {
            T value = result.getAndSet(null);
            if (value != null) {
                Thread.ofVirtual().name("pack-inspector-discard").start(() -> discard.accept(value));
            }
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }

        @Override
        public void progress(long done, long total) {
            updateProgress(done, Math.max(1, total));
        }
    }
}
