package dev.packinspector.mount;

import dev.packinspector.store.ObjectContent;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * blocks a read touches; an object is opened once for all who read it, and let go when the last
 * of them closes it. Only reading operations are offered, and the mount is read-only, so the kernel
 * refuses every write with {@code EROFS}. A read that fails (damaged content) fails with
 * {@code EIO}, and {@code problems} hears which file. Thread-safe: FUSE calls from many threads.
 */
final class StoreFileSystem implements FuseOperations {
    private final Errno errno;
    private final MountTree tree;
    private final PackSet packs;
    private final int uid;
    private final int gid;
    private final Consumer<String> problems;
    /** The objects open, with how many open files read each. */
    private final Map<ObjectId, Opened> open = new ConcurrentHashMap<>();

    private static final class Opened {
        final ObjectContent content;
        int users;

        Opened(ObjectContent content) {
            this.content = content;
        }
    }

    StoreFileSystem(Errno errno, MountTree tree, PackSet packs, int uid, int gid, Consumer<String> problems) {
        this.errno = errno;
        this.tree = tree;
        this.packs = packs;
        this.uid = uid;
        this.gid = gid;
        this.problems = problems;
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
                case MountTree.Row r when r.symlink() -> packs.read(r.entry().blob());
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
        var location = packs.locate(r.entry().blob());
        if (location.isEmpty()) {
            problems.accept(path + ": its object " + r.entry().blob() + " is in no pack");
            return -errno.eio();
        }
        open.compute(r.entry().blob(), (id, o) -> {
            Opened now = o != null ? o : new Opened(new ObjectContent(location.get()));
            now.users++;
            return now;
        });
        return 0;
    }

    @Override
    public int read(String path, ByteBuffer buf, long count, long offset, FileInfo fi) {
        if (!(tree.find(path) instanceof MountTree.Row r)) {
            return -errno.enoent();
        }
        Opened o = open.get(r.entry().blob());
        if (o == null) {
            return -errno.ebadf();
        }
        try {
            byte[] bytes = o.content.read(offset, (int) Math.min(count, Integer.MAX_VALUE));
            buf.put(bytes);
            return bytes.length;
        } catch (IOException | RuntimeException e) {
            problems.accept(path + ": " + e.getMessage());
            return -errno.eio();
        }
    }

    @Override
    public int release(String path, FileInfo fi) {
        if (tree.find(path) instanceof MountTree.Row r) {
            open.computeIfPresent(r.entry().blob(), (id, o) -> --o.users <= 0 ? null : o);
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
