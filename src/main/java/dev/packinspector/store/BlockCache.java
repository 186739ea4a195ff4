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
    private final java.util.concurrent.Executor prefetcher;
    private final LinkedHashMap<Key, CompletableFuture<Block>> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long used;

    /** A cache holding up to {@code budgetBytes} of decoded content (at least the block in use). */
    public BlockCache(long budgetBytes) {
        this(budgetBytes, null);
    }

    /**
     * As above; {@code prefetcher} (or null: none) decodes the block after one being read in
     * order, so that a reader in order finds it decoded.
     */
    public BlockCache(long budgetBytes, java.util.concurrent.Executor prefetcher) {
        this.budget = budgetBytes;
        this.prefetcher = prefetcher;
    }

    /** Starts decoding the block at {@code word} of {@code pack} on the prefetcher, unless it is cached, being decoded, or there is no prefetcher. */
    void prefetch(Pack pack, long word, Loader loader) {
        if (prefetcher == null) {
            return;
        }
        var key = new Key(pack, word);
        CompletableFuture<Block> entry;
        synchronized (this) {
            if (blocks.containsKey(key)) {
                return;
            }
            entry = new CompletableFuture<>();
            blocks.put(key, entry);
        }
        CompletableFuture<Block> mine = entry;
        try {
            prefetcher.execute(() -> load(key, mine, loader));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (this) {
                blocks.remove(key, mine);
            }
            mine.cancel(false);
        }
    }

    private void load(Key key, CompletableFuture<Block> entry, Loader loader) {
        try {
            Block b = loader.load();
            entry.complete(b);
            synchronized (this) {
                if (blocks.get(key) == entry) {
                    used += b.bytes().length;
                    trim();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                blocks.remove(key, entry);
            }
            entry.completeExceptionally(e);
        }
    }

    /** The bytes held now. */
    public synchronized long used() {
        return used;
    }

    /** The block of {@code pack} whose size word is at {@code word}, from the cache or from {@code loader}. */
    Block block(Pack pack, long word, Loader loader) throws IOException {
        var key = new Key(pack, word);
        while (true) {
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
            if (mine) {
                load(key, entry, loader);
            }
            try {
                return join(entry);
            } catch (java.util.concurrent.CancellationException e) {
                // a prefetch that found no thread to run on (it is gone from the map): decode it here
            }
        }
    }

    /** The block, or what its decoding threw. */
    private static Block join(CompletableFuture<Block> entry) throws IOException {
        try {
            return entry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
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
