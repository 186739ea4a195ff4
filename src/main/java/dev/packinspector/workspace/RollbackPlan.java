package dev.packinspector.workspace;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * What a rollback of a workspace folder to a snapshot will do, worked out before anything is
 * touched, in the order it is done: first what goes to the trash (what the snapshot does not have,
 * and what is in the way of what it has: a file where it has a folder), then what is written (files
 * and links the folder lacks, or holds otherwise: the old one is kept in the trash), then what only
 * gets its permissions back. Nothing in it is ever deleted. A value: showing it is a dry run.
 *
 * @param workspace the folder, by its physical path
 * @param refused paths asked for that cannot be put back, and why
 */
public record RollbackPlan(Path workspace, Snapshot snapshot, List<Step> steps, List<Refusal> refused) {

    public enum Action {
        /** Moved to the trash: the snapshot does not have it, or it stands where the snapshot has a folder. */
        TRASH("trash"),
        /** Written from the snapshot: the folder does not have it. */
        WRITE("write"),
        /** Written from the snapshot over what the folder has now, which is kept in the trash. */
        REPLACE("replace"),
        /** Given back its permission bits: the content is the snapshot's. */
        MODE("mode");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        /** The word the command line prints for it. */
        public String word() {
            return word;
        }
    }

    /**
     * One step. {@code snapshot} is the snapshot's row (null for what is trashed), {@code now} the
     * folder's (null for what is written afresh, and for a trashed folder); {@code files} is how many
     * files and links a trashed folder holds (1 for anything else).
     */
    public record Step(Action action, String path, ManifestEntry snapshot, ManifestEntry now, boolean folder, int files) {
    }

    public record Refusal(String path, String why) {
    }

    public RollbackPlan {
        steps = List.copyOf(steps);
        refused = List.copyOf(refused);
    }

    public List<Step> steps(Action action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    /** How many steps do {@code action}. */
    public int count(Action action) {
        return (int) steps.stream().filter(s -> s.action() == action).count();
    }

    /** True when the folder already is the snapshot's, in what was asked. */
    public boolean nothingToDo() {
        return steps.isEmpty() && refused.isEmpty();
    }
}
