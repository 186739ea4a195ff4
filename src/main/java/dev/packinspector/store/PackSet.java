package dev.packinspector.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * All packs of a store's {@code packs/} folder (or a chosen few), opened read-only. One bad or
 * half-written pack never fails the set: it is listed with its {@link PackState} and reason, and
 * the other packs serve their objects. Lookups go through a merged index built on first use.
 * Immutable and thread-safe; pick up packs chkpt added since by opening a new set.
 */
public final class PackSet implements ContentReader, ContentLookup, AutoCloseable {
    private final Path packsDir;
    private final List<PackStatus> statuses;
    private final List<Pack> readable;
    private volatile MergedIndex merged;

    /** A set of packs opened elsewhere (in memory, by the fuzz targets); see {@link Pack#inMemory}. */
    PackSet(Path packsDir, List<PackStatus> statuses) {
        this.packsDir = packsDir;
        this.statuses = List.copyOf(statuses);
        this.readable = statuses.stream().filter(PackStatus::readable).map(PackStatus::pack).toList();
    }

    /** The packs folder of a store folder ({@code STORE/packs}), or the folder itself if it is a bare packs folder. */
    public static Path packsDirOf(Path storeOrPacks) throws StoreException {
        if (!Files.isDirectory(storeOrPacks)) {
            throw new StoreException(ProblemKind.UNREADABLE, storeOrPacks, StoreException.NO_OFFSET,
                    Files.exists(storeOrPacks) ? "not a folder" : "no such folder");
        }
        Path packs = storeOrPacks.resolve("packs");
        return Files.isDirectory(packs) ? packs : storeOrPacks;
    }

    /**
     * Opens every pack in the store (or bare packs folder) {@code storeOrPacks}, sorted by name. A
     * folder with no packs folder, no catalog and no pack files is not a store: refused, so that
     * opening the wrong folder says so instead of showing an empty store. So is a store of chkpt
     * 0.1.x ({@link StoreFormat}): its packs folder is empty, and its objects are elsewhere.
     */
    public static PackSet open(Path storeOrPacks) throws StoreException {
        StoreFormat.requireReadable(storeOrPacks);
        Path dir = packsDirOf(storeOrPacks);
        var names = new TreeSet<String>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                String name = PackFiles.packNameOf(f.getFileName().toString());
                if (name != null) {
                    names.add(name);
                }
            });
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, dir, StoreException.NO_OFFSET, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        if (names.isEmpty() && dir.equals(storeOrPacks) && !Files.exists(dir.resolve("catalog.sqlite"))) {
            throw new StoreException(ProblemKind.UNREADABLE, dir, StoreException.NO_OFFSET,
                    "not a chkpt store: no packs folder, no catalog.sqlite and no pack files here");
        }
        return open(dir, names);
    }

    /** Opens the named packs of {@code packsDir}, in the order given. */
    public static PackSet open(Path packsDir, Collection<String> names) {
        var statuses = new ArrayList<PackStatus>();
        for (String name : names) {
            try {
                if (!PackFiles.NAME.matcher(name).matches()) {
                    throw new StoreException(ProblemKind.UNREADABLE, packsDir, StoreException.NO_OFFSET, "'" + name + "' is not a pack name");
                }
                statuses.add(PackStatus.opened(Pack.open(packsDir, name)));
            } catch (StoreException e) {
                statuses.add(PackStatus.failed(name, e, sizeOrUnknown(packsDir.resolve(PackFiles.dat(name)))));
            }
        }
        return new PackSet(packsDir, statuses);
    }

    private static long sizeOrUnknown(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    public Path packsDir() {
        return packsDir;
    }

    /** Every pack found, readable or not, in order. */
    public List<PackStatus> packs() {
        return statuses;
    }

    public List<Pack> readablePacks() {
        return readable;
    }

    private MergedIndex merged() {
        MergedIndex m = merged;
        if (m == null) {
            synchronized (this) {
                m = merged;
                if (m == null) {
                    m = new MergedIndex(readable);
                    merged = m;
                }
            }
        }
        return m;
    }

    /** Index entries over all readable packs (an id held by two packs counts twice). */
    public int entryCount() {
        return merged().size();
    }

    /** The entry at {@code row} of all readable packs' entries merged in id order. */
    public ObjectLocation entryAt(int row) {
        return merged().location(row);
    }

    /** The first row at or after {@code id} in the merged order; {@link #entryCount()} if none. */
    public int firstRowAtOrAfter(ObjectId id) {
        return bound(id, false);
    }

    /**
     * The rows {@code [from, to)} of the merged order whose ids start with {@code hexPrefix}
     * (0 to 32 hex digits, any case).
     *
     * @throws IllegalArgumentException if the prefix is not hex or too long
     */
    public RowRange rowsWithPrefix(String hexPrefix) {
        if (hexPrefix.length() > 2 * ObjectId.BYTES || !ObjectId.isHex(hexPrefix)) {
            throw new IllegalArgumentException("not an object id prefix (up to 32 hex digits): " + hexPrefix);
        }
        int pad = 2 * ObjectId.BYTES - hexPrefix.length();
        ObjectId low = ObjectId.parse(hexPrefix + "0".repeat(pad));
        ObjectId high = ObjectId.parse(hexPrefix + "f".repeat(pad));
        return new RowRange(bound(low, false), bound(high, true));
    }

    /** A run of rows of the merged order. */
    public record RowRange(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    /** First row whose id is {@code >= id}, or {@code > id} when {@code after}. */
    private int bound(ObjectId id, boolean after) {
        MergedIndex m = merged();
        int low = 0;
        int high = m.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = Long.compareUnsigned(m.hi(mid), id.hi());
            if (c == 0) {
                c = Long.compareUnsigned(m.lo(mid), id.lo());
            }
            if (c < 0 || (after && c == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Where {@code id} lives (the first pack in order, if several hold it). */
    public Optional<ObjectLocation> locate(ObjectId id) {
        MergedIndex m = merged();
        int k = m.find(id.hi(), id.lo());
        return k < 0 ? Optional.empty() : Optional.of(m.location(k));
    }

    /** Every pack entry holding {@code id}. */
    public List<ObjectLocation> locateAll(ObjectId id) {
        MergedIndex m = merged();
        var out = new ArrayList<ObjectLocation>();
        for (int k = m.find(id.hi(), id.lo()); k >= 0 && m.sameId(k, id.hi(), id.lo()); k++) {
            out.add(m.location(k));
        }
        return out;
    }

    /** The XXH3-128 of {@code file}'s content, as chkpt hashes it. */
    @Override
    public ContentId idOfFile(Path file) throws IOException {
        return Xxh3.idOfFile(file);
    }

    @Override
    public List<String> packsHolding(ContentId id) {
        return id instanceof ObjectId o ? locateAll(o).stream().map(at -> at.pack().name()).toList() : List.of();
    }

    /** A current store keeps every object in a pack. */
    @Override
    public boolean holdsLoose(ContentId id) {
        return false;
    }

    /** Like {@link #locate} but a missing object is a {@link ProblemKind#OBJECT_NOT_FOUND} error. */
    public ObjectLocation require(ObjectId id) throws StoreException {
        return locate(id).orElseThrow(() -> new StoreException(ProblemKind.OBJECT_NOT_FOUND, packsDir, StoreException.NO_OFFSET,
                "object " + id + " is in none of the " + readable.size() + " readable packs here"));
    }

    /** Streams the object to {@code out}, verifying it; see {@link ObjectReader#copyTo}. */
    public long copyTo(ObjectId id, OutputStream out) throws IOException {
        return new ObjectReader().copyTo(require(id), out);
    }

    /** The whole object, verified against its id. */
    public byte[] read(ObjectId id) throws IOException {
        return new ObjectReader().readAll(require(id));
    }

    @Override
    public byte[] read(ContentId id) throws IOException {
        if (id instanceof ObjectId o) {
            return read(o);
        }
        throw new StoreException(ProblemKind.OBJECT_NOT_FOUND, packsDir, StoreException.NO_OFFSET,
                "object " + id.toHex() + " is not an id of this store (its ids are XXH3-128, 32 hex digits)");
    }

    /** Up to {@code length} bytes of the object from {@code offset}, decoding no more than needed. */
    public byte[] readRange(ObjectId id, long offset, int length) throws IOException {
        return new ObjectReader().readRange(require(id), offset, length);
    }

    @Override
    public void close() {
        readable.forEach(Pack::close);
    }
}
