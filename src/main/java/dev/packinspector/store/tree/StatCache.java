package dev.packinspector.store.tree;

import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * chkpt's {@code index.bin}, its stat cache of the workspace (TREES-FORMAT.md §10): bitcode
 * {@code Vec<FileEntry>}, for each file or symlink of the last save or restore its path, object id,
 * size, mtime, inode and mode. chkpt takes a file's id from it when size, both mtime parts, inode
 * and mode all equal what {@code lstat} says ({@code ops/save.rs cached_processed_file}); so does
 * {@link #unchanged}. Read whole, strictly; a file that is missing, larger than
 * {@value #MAX_BYTES} bytes or does not decode is an empty cache, as chkpt treats it.
 */
public final class StatCache {
    /** Far beyond the cache of any workspace (a million files take about 60 MB). */
    public static final long MAX_BYTES = 1L << 30;
    private static final StatCache EMPTY = new StatCache(Map.of());

    /** One file as the cache remembers it; {@code inode} is null where chkpt had none. */
    public record Entry(String path, ObjectId blob, long size, long mtimeSeconds, long mtimeNanos, Long inode, long mode) {
    }

    private final Map<String, Entry> byPath;

    private StatCache(Map<String, Entry> byPath) {
        this.byPath = byPath;
    }

    /** The cache of a store ({@code STORE/index.bin}). */
    public static StatCache of(Path store) {
        Path file = store.resolve("index.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            if (!Files.isRegularFile(file) || channel.size() > MAX_BYTES) {
                return EMPTY;
            }
            return decode(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena));
        } catch (IOException e) {
            return EMPTY;
        }
    }

    /** Decodes a cache's bytes; an empty cache if they are not one. */
    public static StatCache decode(MemorySegment bytes) {
        var in = new BitcodeReader(bytes);
        try {
            long length = in.lengths(1)[0];
            // each entry takes at least 2 bytes (16 hash bytes packed)
            if (length > Integer.MAX_VALUE / 16 || 2 * length > in.remaining()) {
                return EMPTY;
            }
            int n = (int) length;
            String[] paths = TreeDecoder.names(in, in.lengths(n));
            byte[] hashes = in.bytes(16 * n);
            long[] sizes = in.ints(n, 64);
            long[] seconds = in.ints(n, 64);
            long[] nanos = in.ints(n, 64);
            byte[] present = in.variants(n, 2);
            int withInode = 0;
            for (byte p : present) {
                withInode += p;
            }
            long[] inodes = in.ints(withInode, 64);
            long[] modes = in.ints(n, 32);
            in.end();
            var byPath = new HashMap<String, Entry>(n * 4 / 3 + 1);
            for (int i = 0, next = 0; i < n; i++) {
                Long inode = present[i] == 1 ? inodes[next++] : null;
                byPath.put(paths[i], new Entry(paths[i], ObjectId.fromBytes(hashes, 16 * i), sizes[i], seconds[i], nanos[i], inode, modes[i]));
            }
            return new StatCache(byPath);
        } catch (BitcodeReader.Malformed e) {
            return EMPTY;
        }
    }

    public int size() {
        return byPath.size();
    }

    public Entry get(String path) {
        return byPath.get(path);
    }

    /**
     * The object id the cache gives {@code path}, if chkpt would take it from there: the entry's
     * size, mtime (seconds and nanoseconds), inode and mode all equal those given; else null.
     */
    public ObjectId unchanged(String path, long size, long mtimeSeconds, long mtimeNanos, long inode, long mode) {
        Entry e = byPath.get(path);
        if (e != null && e.size == size && e.mtimeSeconds == mtimeSeconds && e.mtimeNanos == mtimeNanos && e.inode != null
                && e.inode == inode && e.mode == mode) {
            return e.blob;
        }
        return null;
    }
}
