package dev.packinspector.restore;

import dev.packinspector.legacy.LegacyId;
import dev.packinspector.legacy.LegacyObjects;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyTree;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.legacy.LooseObject;
import dev.packinspector.store.ContentId;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoredObject;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The objects of a store of chkpt 0.1.x: one zstd file each under {@code objects/}, named by the
 * BLAKE3 of its content ({@link LegacyObjects} decodes and checks them). chkpt 0.1.2's own restore
 * writes content straight to the final name and never sets a mode; here each file is checked
 * against its BLAKE3 and size before its rename, and gets the permissions its tree records.
 */
public final class LooseObjects implements ObjectSource {
    private final LegacyStore store;
    private final LegacyObjects objects;

    public LooseObjects(LegacyStore store) {
        this.store = store;
        this.objects = new LegacyObjects(store);
    }

    /**
     * What restoring {@code files} (a snapshot's walk) asks for: each file at its path with its
     * object, size and mode; each folder whose tree could not be read, and each file stored under
     * a path an earlier one has ({@link LegacyWalk}), as an entry refused with the reason, so a plan
     * names what it cannot restore before anything is written.
     */
    public static List<RestoreItem> items(LegacyWalk.Files files) {
        var items = new ArrayList<RestoreItem>(files.files().size() + files.problems().size());
        String previous = null;
        for (LegacyWalk.File f : files.files()) {
            long mode = f.kind() == LegacyTree.Kind.LINK ? (f.mode() & 07777) | RestoreItem.SYMLINK : f.mode() & 0xffffffffL;
            String twice = f.path().equals(previous) ? "chkpt 0.1.x stored two files under this path (it stores a '\\' in a name as '/'): the first is"
                    + " restored, not this one, object " + f.object() + " (" + f.size() + " bytes); 'pack-inspector extract' writes it by its id" : null;
            items.add(new RestoreItem(f.path(), f.object(), f.size(), mode, twice));
            previous = f.path();
        }
        for (LegacyWalk.Problem p : files.problems()) {
            items.add(new RestoreItem(p.folder(), null, -1, -1, p.error().detail() + ": nothing in that folder can be restored"));
        }
        return items;
    }

    @Override
    public void refuseInside(Path folder) throws IOException {
        Path root = store.root().toRealPath();
        Path absolute = folder.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        if (real.startsWith(root)) {
            throw new IllegalArgumentException("the target " + folder + " is inside the store; choose a folder outside it");
        }
    }

    @Override
    public StoredObject locate(ContentId id) {
        return id instanceof LegacyId l ? store.locate(l) : null;
    }

    @Override
    public String notFound(ContentId id) {
        return "object " + id + " is missing from the store (chkpt's gc removed it or it was never written)";
    }

    @Override
    public ContentId idOfFile(Path file) throws IOException {
        return LegacyObjects.blake3Of(file);
    }

    /** Files before links, each in id order: the order of {@code objects/}'s fan-out folders and the files in them. */
    @Override
    public void sortForReading(List<RestorePlan.Write> writes) {
        writes.sort(Comparator.comparing((RestorePlan.Write w) -> w.item().symlink()).thenComparing(w -> ((LooseObject) w.location()).id()));
    }

    @Override
    public Decoder decoder() {
        return new Decoder() {
            @Override
            public Decoded write(RestoreItem item, StoredObject at, Path temp, BooleanSupplier cancelled) throws IOException {
                try (FileChannel channel = TempFiles.create(temp, item); OutputStream out = new Stoppable(Channels.newOutputStream(channel), cancelled)) {
                    long length = objects.decode(((LooseObject) at).id(), item.size(), out);
                    if (cancelled.getAsBoolean()) {
                        throw new Cancelled();
                    }
                    return new Decoded(length, TempFiles.createsWithMode(item));
                } catch (StoreException e) {
                    if (e.getCause() instanceof Cancelled c) {
                        throw c;
                    }
                    throw e;
                }
            }

            @Override
            public byte[] read(RestoreItem item, StoredObject at) throws IOException {
                var out = new ByteArrayOutputStream();
                objects.decode(((LooseObject) at).id(), item.size(), out);
                return out.toByteArray();
            }

            @Override
            public long check(RestoreItem item, StoredObject at, BooleanSupplier cancelled) throws IOException {
                return unlessCancelled(() -> objects.decode(((LooseObject) at).id(), item.size(), new Stoppable(OutputStream.nullOutputStream(), cancelled)));
            }

            @Override
            public void copy(StoredObject at, OutputStream out, BooleanSupplier cancelled) throws IOException {
                unlessCancelled(() -> objects.decode(((LooseObject) at).id(), -1, new Stoppable(out, cancelled)));
            }
        };
    }

    /** A decode that a {@link Stoppable} may stop. */
    private interface Decode {
        long run() throws IOException;
    }

    /** Runs {@code decode}, rethrowing a stop as {@link Cancelled}, which the decoder wraps in its StoreException. */
    private static long unlessCancelled(Decode decode) throws IOException {
        try {
            return decode.run();
        } catch (StoreException e) {
            if (e.getCause() instanceof Cancelled c) {
                throw c;
            }
            throw e;
        }
    }

    /** Stops a decode between chunks once the restore is cancelled. */
    private static final class Stoppable extends FilterOutputStream {
        private final BooleanSupplier cancelled;

        Stoppable(OutputStream out, BooleanSupplier cancelled) {
            super(out);
            this.cancelled = cancelled;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            out.write(b, off, len);
        }
    }
}
