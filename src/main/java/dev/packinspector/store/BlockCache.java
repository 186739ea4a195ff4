package dev.packinspector.store;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Decoded frame blocks, shared by every {@link ObjectContent} given it, up to a byte budget: the
 * blocks least recently used go first. A block asked for by several threads at once is decoded
 * by the first of them while the others wait for it, so readers of one file (the kernel reads
 * ahead on several threads) never decode a block twice. Thread-safe.
 */
public final class BlockCache {
    /** A decoded block, and where the block after it starts ({@link #END} if it was the last). */
    record Block(byte[] bytes, long nextWord) {
        static final long END = -2;
    }

    /** A block is known by its pack and where its size word is: the same content encoded elsewhere is another block. */
    private record Key(Pack pack, long word) {
    }

    /** Decodes a block; called by one thread at a time for a key. */
    interface Loader {
        Block load() throws IOException;
    }

    private final long budget;
    private final LinkedHashMap<Key, CompletableFuture<Block>> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long used;

    /** A cache holding up to {@code budgetBytes} of decoded content (at least the block in use). */
    public BlockCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The bytes held now. */
    public synchronized long used() {
        return used;
    }

    /** The block of {@code pack} whose size word is at {@code word}, from the cache or from {@code loader}. */
    Block block(Pack pack, long word, Loader loader) throws IOException {
        var key = new Key(pack, word);
        CompletableFuture<Block> entry;
        boolean mine = false;
        synchronized (this) {
            entry = blocks.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                blocks.put(key, entry);
                mine = true;
            }
        }
        if (!mine) {
            try {
                return entry.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
        Block b;
        try {
            b = loader.load();
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                blocks.remove(key, entry);
            }
            entry.completeExceptionally(e);
            throw e;
        }
        entry.complete(b);
        synchronized (this) {
            if (blocks.get(key) == entry) {
                used += b.bytes().length;
                trim();
            }
        }
        return b;
    }

    private void trim() {
        Iterator<Map.Entry<Key, CompletableFuture<Block>>> eldest = blocks.entrySet().iterator();
        while (used > budget && eldest.hasNext()) {
            CompletableFuture<Block> f = eldest.next().getValue();
            if (f.isDone() && !f.isCompletedExceptionally() && blocks.size() > 1) {
                used -= f.join().bytes().length;
                eldest.remove();
            }
        }
    }
}
