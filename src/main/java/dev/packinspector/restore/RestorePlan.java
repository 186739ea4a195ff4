package dev.packinspector.restore;

import dev.packinspector.Sizes;
import dev.packinspector.store.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a restore will do, worked out before anything is written: the files and links to write
 * (files in the store's order, for locality), the folders to create, what is already there
 * and identical, what differs and is kept, what is refused and why, and whether the target's
 * file system has room for it ({@link #space()}), and the store it reads ({@link #source()}).
 * A value: showing it is a dry run.
 */
public record RestorePlan(ObjectSource source, Path target, List<Write> writes, List<String> folders, List<Existing> unchanged,
        List<Existing> conflicts, List<RestoreProblem> refused, boolean overwrite, Space space) {

    /**
     * Room for the plan: {@code measuredAt} is the target or, when it does not exist yet, its
     * nearest existing ancestor, whose file store has {@code usableBytes} free (-1 when the file
     * system would not say); the plan needs {@code neededBytes} there: the content it writes, less
     * what the files it replaces free, plus the largest replacement (its new copy is written before
     * the old one goes). File system overhead (blocks, folders) is not counted, and an object of
     * unknown size (extracted by id without a catalog) counts its compressed size: the check never
     * refuses what would fit, and a restore that still runs out fails file by file, leaving no
     * partial file.
     */
    public record Space(Path measuredAt, long usableBytes, long neededBytes) {
        /**
         * The room {@code freeSpace} gives at {@code folder}, or at its nearest existing ancestor when
         * it does not exist yet, against {@code neededBytes}; -1 usable bytes when the file system would
         * not say (what is then written reports a full disk itself, file by file).
         */
        static Space measure(Path folder, FreeSpace freeSpace, long neededBytes) {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long usable;
            try {
                usable = existing == null ? -1 : freeSpace.usableBytes(existing);
            } catch (IOException | UnsupportedOperationException e) {
                usable = -1;
            }
            return new Space(existing == null ? folder : existing, usable, neededBytes);
        }

        /** True unless the file system says it has less room than the plan needs. */
        public boolean fits() {
            return usableBytes < 0 || neededBytes <= usableBytes;
        }
    }

    /** One file or link to write; {@code replaces} when it overwrites a different one in the target. */
    public record Write(RestoreItem item, StoredObject location, boolean replaces) {
    }

    /** An entry already present in the target; {@code modeDiffers} for an identical file with other permissions. */
    public record Existing(RestoreItem item, boolean modeDiffers) {
    }

    public RestorePlan {
        java.util.Objects.requireNonNull(source, "source");
        writes = List.copyOf(writes);
        folders = List.copyOf(folders);
        unchanged = List.copyOf(unchanged);
        conflicts = List.copyOf(conflicts);
        refused = List.copyOf(refused);
        java.util.Objects.requireNonNull(space, "space");
    }

    public int filesToWrite() {
        return writes.size();
    }

    /** Content bytes to write (recorded sizes; unknown sizes count as compressed sizes). */
    public long bytesToWrite() {
        return contentBytes(writes);
    }

    static long contentBytes(List<Write> writes) {
        long total = 0;
        for (Write w : writes) {
            total += w.item().size() >= 0 ? w.item().size() : w.location().compressedSize();
        }
        return total;
    }

    /**
     * Null when the target has room for the plan; else the sentence that says it does not, for the
     * command line and the window alike. {@link Restorer} refuses such a plan before writing anything.
     */
    public String spaceProblem() {
        if (space.fits()) {
            return null;
        }
        return "the target's file system (at " + space.measuredAt() + ") has " + Sizes.bytes(space.usableBytes()) + " free but this restore needs "
                + Sizes.bytes(space.neededBytes()) + "; free some space or choose a folder on another disk";
    }

    /** True when nothing needs writing and nothing was refused or kept. */
    public boolean complete() {
        return writes.isEmpty() && refused.isEmpty() && conflicts.isEmpty()
                && unchanged.stream().noneMatch(Existing::modeDiffers);
    }
}
