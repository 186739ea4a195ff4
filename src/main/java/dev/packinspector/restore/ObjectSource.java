package dev.packinspector.restore;

import dev.packinspector.store.ContentId;
import dev.packinspector.store.StoredObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The store a restore reads, whatever its format: where each object is, how its content decodes
 * and is checked, and which hash names content. {@link PackObjects} reads the packs of current
 * chkpt, {@link LooseObjects} the loose objects of chkpt 0.1.x. {@link RestorePlanner} and
 * {@link Restorer} know nothing else of a store. Thread-safe; each worker takes a
 * {@link #decoder()} of its own.
 */
public interface ObjectSource {
    /**
     * Refuses a folder to write into that lies inside the store.
     *
     * @throws IllegalArgumentException if it does
     */
    void refuseInside(Path folder) throws IOException;

    /** Where the content of {@code id} is, or null when the store holds no readable copy of it. */
    StoredObject locate(ContentId id);

    /** Why {@link #locate} found nothing for {@code id}, in one clause ("object … is in none of the readable packs"). */
    String notFound(ContentId id);

    /** The id this store gives the content of {@code file}. */
    ContentId idOfFile(Path file) throws IOException;

    /** Puts {@code writes} in the order that reads the store best: files before links, each group in storage order. */
    void sortForReading(List<RestorePlan.Write> writes);

    /** A decoder for one thread. */
    Decoder decoder();

    /** Decodes objects for one thread: it may keep buffers between calls. */
    interface Decoder {
        /**
         * Writes the content at {@code at} into the new file {@code temp} (created here, with the
         * item's permissions when the umask leaves them whole) and checks it: its id must be the
         * item's and its length the item's size (when known). A file that fails is left for the
         * caller to delete.
         *
         * @throws Cancelled when {@code cancelled} said so between blocks
         * @throws dev.packinspector.store.StoreException when the content is not the item's
         */
        Decoded write(RestoreItem item, StoredObject at, Path temp, BooleanSupplier cancelled) throws IOException;

        /** The whole content at {@code at} (a link target: small), checked as {@link #write} checks it. */
        byte[] read(RestoreItem item, StoredObject at) throws IOException;

        /**
         * Decodes the content at {@code at}, keeping none of it, and checks it as {@link #write}
         * does: for a writer that must know the content is whole before it writes any of it.
         *
         * @return the content's length
         * @throws Cancelled when {@code cancelled} said so between blocks
         */
        long check(RestoreItem item, StoredObject at, BooleanSupplier cancelled) throws IOException;

        /**
         * Decodes the content at {@code at} into {@code out}, which the caller has {@link #check}ed
         * (a store of 0.1.x checks it again at the end; a store whose pack changed since is read as it is now).
         *
         * @throws Cancelled when {@code cancelled} said so between blocks
         */
        void copy(StoredObject at, java.io.OutputStream out, BooleanSupplier cancelled) throws IOException;
    }

    /** What {@link Decoder#write} wrote: the content's length, and whether the file already has the item's permissions. */
    record Decoded(long length, boolean hasMode) {
    }

    /** Thrown when the restore was cancelled mid-object. */
    final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
