package dev.packinspector.restore;

import dev.packinspector.store.ObjectLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * What a restore will do, worked out before anything is written: the files and links to write
 * (files in pack and offset order, for locality), the folders to create, what is already there
 * and identical, what differs and is kept, and what is refused and why. A value: showing it is a
 * dry run.
 */
public record RestorePlan(Path target, List<Write> writes, List<String> folders, List<Existing> unchanged,
        List<Existing> conflicts, List<RestoreProblem> refused, boolean overwrite) {

    /** One file or link to write; {@code replaces} when it overwrites a different one in the target. */
    public record Write(RestoreItem item, ObjectLocation location, boolean replaces) {
    }

    /** An entry already present in the target; {@code modeDiffers} for an identical file with other permissions. */
    public record Existing(RestoreItem item, boolean modeDiffers) {
    }

    public RestorePlan {
        writes = List.copyOf(writes);
        folders = List.copyOf(folders);
        unchanged = List.copyOf(unchanged);
        conflicts = List.copyOf(conflicts);
        refused = List.copyOf(refused);
    }

    public int filesToWrite() {
        return writes.size();
    }

    /** Content bytes to write (recorded sizes; unknown sizes count as compressed sizes). */
    public long bytesToWrite() {
        long total = 0;
        for (Write w : writes) {
            total += w.item().size() >= 0 ? w.item().size() : w.location().compressedSize();
        }
        return total;
    }

    /** True when nothing needs writing and nothing was refused or kept. */
    public boolean complete() {
        return writes.isEmpty() && refused.isEmpty() && conflicts.isEmpty()
                && unchanged.stream().noneMatch(Existing::modeDiffers);
    }
}
