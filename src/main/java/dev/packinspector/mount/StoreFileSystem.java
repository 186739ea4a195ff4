package dev.packinspector.mount;

import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.BlockCache;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.cryptomator.jfuse.api.DirFiller;
import org.cryptomator.jfuse.api.Errno;
import org.cryptomator.jfuse.api.FileInfo;
import org.cryptomator.jfuse.api.FuseOperations;
import org.cryptomator.jfuse.api.Stat;
import org.cryptomator.jfuse.api.Statvfs;

/**
 * The FUSE operations of a mounted store ({@link MountTree}): folders, files and links, read-only.
 * A file's bytes come from its object through {@link ObjectContent}, which decodes only the frame
 * blocks a read touches, into a {@link BlockCache} all open files share; an object is opened once
 * for all who read it, and let go when the last of them closes it. A file read whole is checked
 * against its object's id ({@link WholeReadCheck}); from a mismatch on, reads of that object fail
 * with {@code EIO}, as does a read that fails (damaged content), and {@code problems} hears which
 * file. Only reading operations are offered, and the mount is read-only, so the kernel refuses
 * every write with {@code EROFS}. Thread-safe: FUSE calls from many threads.
 */
final class StoreFileSystem implements FuseOperations {
    /** What the block cache all open files share may hold. */
    static final long CACHE_BYTES = 64L << 20;

    private final Errno errno;
    private final LiveStore store;
    private volatile MountTree tree;
    private final int uid;
    private final int gid;
    private final Consumer<String> problems;
    /** Decodes the block after one being read in order, beside the FUSE threads: a core fewer than there are, at least one. */
    private final ExecutorService prefetcher = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
        Thread t = new Thread(r, "pack-inspector-mount-prefetch");
        t.setDaemon(true);
        return t;
    });
    private final BlockCache cache = new BlockCache(CACHE_BYTES, prefetcher);
    /** The objects open, with how many open files read each. */
    private final Map<ObjectId, Opened> open = new ConcurrentHashMap<>();
    /** The files open, by the handle FUSE passes back (a file's row stays its own across refreshes). */
    private final Map<Long, MountTree.Row> handles = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextHandle = new java.util.concurrent.atomic.AtomicLong(1);
    /** Objects found not to be what their id says: every later read of them fails. */
    private final Set<ObjectId> damaged = ConcurrentHashMap.newKeySet();

    private static final class Opened {
        final ObjectContent content;
        final LiveStore.Opening from;
        final WholeReadCheck check;
        int users;

        Opened(ObjectContent content, LiveStore.Opening from, WholeReadCheck check) {
            this.content = content;
            this.from = from;
            this.check = check;
        }
    }

    StoreFileSystem(Errno errno, LiveStore store, MountTree tree, int uid, int gid, Consumer<String> problems) {
        this.errno = errno;
        this.store = store;
        this.tree = tree;
        this.uid = uid;
        this.gid = gid;
        this.problems = problems;
    }

    /** Shows {@code now} from here on (the store was refreshed); files open stay readable. */
    void show(MountTree now) {
        tree = now;
    }

    MountTree tree() {
        return tree;
    }

    /** Once unmounted: lets go of the files still open (their release may never come). */
    void releaseAll() {
        prefetcher.shutdownNow();
        handles.clear();
        open.values().removeIf(o -> {
            o.from.release();
            return true;
        });
    }

    @Override
    public Errno errno() {
        return errno;
    }

    @Override
    public Set<Operation> supportedOperations() {
        return EnumSet.of(Operation.GET_ATTR, Operation.READLINK, Operation.OPEN, Operation.READ, Operation.RELEASE, Operation.OPEN_DIR,
                Operation.READ_DIR, Operation.RELEASE_DIR, Operation.STATFS, Operation.ACCESS, Operation.INIT, Operation.DESTROY);
    }

    @Override
    public int getattr(String path, Stat stat, FileInfo fi) {
        MountTree.Node node = tree.find(path);
        if (node == null) {
            return -errno.enoent();
        }
        fill(node, stat);
        return 0;
    }

    private void fill(MountTree.Node node, Stat stat) {
        stat.setUid(uid);
        stat.setGid(gid);
        switch (node) {
            case MountTree.Dir d -> {
                stat.setMode(Stat.S_IFDIR | 0555);
                stat.setNLink((short) 2);
                stat.mTime().set(d.time);
                stat.cTime().set(d.time);
            }
            case MountTree.Row r -> {
                int bits = (int) (r.entry().mode() & 0777);
                stat.setMode(r.symlink() ? Stat.S_IFLNK | 0777 : Stat.S_IFREG | bits);
                stat.setNLink((short) 1);
                stat.setSize(r.entry().size());
                stat.mTime().set(r.time());
                stat.cTime().set(r.time());
            }
            case MountTree.Link l -> {
                stat.setMode(Stat.S_IFLNK | 0777);
                stat.setNLink((short) 1);
                stat.setSize(l.target().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                stat.mTime().set(l.time());
            }
        }
    }

    @Override
    public int access(String path, int mask) {
        if (tree.find(path) == null) {
            return -errno.enoent();
        }
        return (mask & 2) != 0 ? -errno.erofs() : 0; // W_OK
    }

    @Override
    public int readlink(String path, ByteBuffer buf, long len) {
        MountTree.Node node = tree.find(path);
        byte[] target;
        try {
            target = switch (node) {
                case MountTree.Link l -> l.target().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case MountTree.Row r when r.symlink() -> linkTarget(r);
                case null -> null;
                default -> new byte[0];
            };
        } catch (IOException e) {
            problems.accept(path + ": " + e.getMessage());
            return -errno.eio();
        }
        if (target == null) {
            return -errno.enoent();
        }
        if (target.length == 0) {
            return -errno.einval();
        }
        int n = (int) Math.min(target.length, Math.max(0, len - 1));
        buf.put(target, 0, n);
        buf.put((byte) 0);
        return 0;
    }

    private byte[] linkTarget(MountTree.Row r) throws IOException {
        LiveStore.Opening from = store.hold();
        try {
            return from.packs.read(r.entry().blob());
        } finally {
            from.release();
        }
    }

    @Override
    public int open(String path, FileInfo fi) {
        MountTree.Node node = tree.find(path);
        if (node == null) {
            return -errno.enoent();
        }
        if (!(node instanceof MountTree.Row r) || r.symlink()) {
            return -errno.eisdir();
        }
        Set<java.nio.file.StandardOpenOption> flags = fi.getOpenFlags();
        if (flags.contains(java.nio.file.StandardOpenOption.WRITE) || flags.contains(java.nio.file.StandardOpenOption.APPEND)
                || flags.contains(java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            return -errno.erofs();
        }
        ObjectId blob = r.entry().objectId();
        LiveStore.Opening from = store.hold();
        var location = from.packs.locate(blob);
        if (location.isEmpty()) {
            from.release();
            problems.accept(path + ": its object " + blob + " is in no pack");
            return -errno.eio();
        }
        boolean[] reused = {false};
        open.compute(blob, (id, o) -> {
            Opened now = o;
            if (now == null) {
                now = new Opened(new ObjectContent(location.get(), cache), from, new WholeReadCheck(blob, r.entry().size()));
            } else {
                reused[0] = true;
            }
            now.users++;
            return now;
        });
        if (reused[0]) {
            from.release();
        }
        long handle = nextHandle.getAndIncrement();
        handles.put(handle, r);
        fi.setFh(handle);
        return 0;
    }

    @Override
    public int read(String path, ByteBuffer buf, long count, long offset, FileInfo fi) {
        MountTree.Row r = handles.get(fi.getFh());
        if (r == null) {
            return -errno.ebadf();
        }
        ObjectId blob = r.entry().objectId();
        Opened o = open.get(blob);
        if (o == null) {
            return -errno.ebadf();
        }
        if (damaged.contains(blob)) {
            return -errno.eio();
        }
        ByteBuffer into = buf.slice(buf.position(), (int) Math.min(count, buf.remaining()));
        int n;
        try {
            n = o.content.read(offset, into);
        } catch (IOException | RuntimeException e) {
            if (damaged.add(blob)) {
                problems.accept(path + ": " + e.getMessage() + "; further reads fail");
            }
            return -errno.eio();
        }
        WholeReadCheck.Verdict verdict = o.check.read(offset, MemorySegment.ofBuffer(into.flip()), count);
        if (verdict == WholeReadCheck.Verdict.DIFFERS || verdict == WholeReadCheck.Verdict.SHORT) {
            if (damaged.add(blob)) {
                problems.accept(path + ": " + (verdict == WholeReadCheck.Verdict.SHORT
                        ? "its object " + blob + " holds fewer bytes than the snapshot's " + r.entry().size()
                        : "read whole, its content does not hash to its object id " + blob + " (damaged); further reads fail"));
            }
            return -errno.eio();
        }
        buf.position(buf.position() + n);
        return n;
    }

    @Override
    public int release(String path, FileInfo fi) {
        MountTree.Row r = handles.remove(fi.getFh());
        if (r != null) {
            open.computeIfPresent(r.entry().objectId(), (id, o) -> {
                if (--o.users > 0) {
                    return o;
                }
                o.from.release();
                return null;
            });
        }
        return 0;
    }

    @Override
    public int opendir(String path, FileInfo fi) {
        return tree.find(path) instanceof MountTree.Dir ? 0 : -errno.enotdir();
    }

    @Override
    public int readdir(String path, DirFiller filler, long offset, FileInfo fi, int flags) {
        if (!(tree.find(path) instanceof MountTree.Dir d)) {
            return -errno.enotdir();
        }
        try {
            filler.fill(".");
            filler.fill("..");
            for (var e : d.children().entrySet()) {
                filler.fill(e.getKey(), stat -> fill(e.getValue(), stat));
            }
        } catch (IOException e) {
            return -errno.eio();
        }
        return 0;
    }

    @Override
    public int releasedir(String path, FileInfo fi) {
        return 0;
    }

    @Override
    public int statfs(String path, Statvfs statvfs) {
        statvfs.setBsize(4096);
        statvfs.setFrsize(4096);
        statvfs.setNameMax(MountTree.MAX_NAME_BYTES);
        return 0;
    }
}
