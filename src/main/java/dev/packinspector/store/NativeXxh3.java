package dev.packinspector.store;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * XXH3-128 from xxHash's own C library ({@code libxxhash.so.0}, which every Debian and Ubuntu
 * system has: apt depends on it), called through the foreign function API. It runs at full speed
 * from the first byte, where the Java implementations run at a fraction of it until the JIT has
 * compiled them; that is what a short command-line run spends most of its hashing in. {@link #load()}
 * returns null where the library is missing, lacks a function, or gives other digests than the
 * known ones below, and {@link Xxh3} then uses the Java libraries. Thread-safe; a {@link State} is not.
 */
final class NativeXxh3 {
    private static final StructLayout HASH128 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("low64"), ValueLayout.JAVA_LONG.withName("high64"));
    /**
     * XXH3-128 digests, canonical hex, of the known inputs (see {@link #known(int)}), one for each of the
     * algorithm's length classes: 0, 1–3, 4–8, 9–16, 17–128, 129–240 bytes, under one 1,024-byte block, several blocks.
     */
    private static final int[] KNOWN_LENGTHS = {0, 3, 8, 16, 100, 200, 1000, 5000};
    private static final String[] KNOWN_DIGESTS = {
        "99aa06d3014798d86001c324468d497f",
        "46f66cb93538156515f7093b173d005c",
        "803c675a846cc6c256bb836ceb6d4baa",
        "650fe308c566747df853dd94614dfa07",
        "7f5a1f03462e52b4d61d8dbff22d515f",
        "8d8629a1aef9ef9060ea018811f9a437",
        "f534f51e82a81d29989765d0ea7a5ecd",
        "3bf60aa89c7feeaa559fff92c2b7f8ee",
    };

    /** Heap bytes up to this many are copied to native memory for the C library ({@link Xxh3} hashes larger arrays in Java). */
    static final int HEAP_COPY = 1 << 20;

    private final MethodHandle oneShot;
    private final SymbolLookup lib;
    /** The incremental functions, linked on first use: linking costs about 10 ms a function in a fresh JVM. */
    private volatile Streaming streaming;
    private boolean streamingFailed;

    private NativeXxh3(SymbolLookup lib) {
        this.lib = lib;
        oneShot = Linker.nativeLinker().downcallHandle(find(lib, "XXH3_128bits"),
                FunctionDescriptor.of(HASH128, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    }

    private static MemorySegment find(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalArgumentException("libxxhash has no " + name));
    }

    /** The library, or null if this system has none that works (then the Java implementations are used). */
    static NativeXxh3 load() {
        try {
            var lib = new NativeXxh3(SymbolLookup.libraryLookup("libxxhash.so.0", Arena.global()));
            return lib.givesKnownDigests() ? lib : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no such library, a function missing, native access refused, another platform
        }
    }

    private record Streaming(MethodHandle create, MethodHandle free, MethodHandle reset, MethodHandle update, MethodHandle digest) {
    }

    /** The incremental functions, linked and checked against the known digests on first use; null if they fail that. */
    private Streaming streaming() {
        Streaming s = streaming;
        if (s == null) {
            synchronized (this) {
                if (streaming == null && !streamingFailed) {
                    try {
                        Streaming candidate = linkStreaming();
                        if (streamingWorks(candidate)) {
                            streaming = candidate;
                        } else {
                            streamingFailed = true;
                        }
                    } catch (RuntimeException | LinkageError e) {
                        streamingFailed = true;
                    }
                }
                s = streaming;
            }
        }
        return s;
    }

    private Streaming linkStreaming() {
        Linker linker = Linker.nativeLinker();
        var status = ValueLayout.JAVA_INT;
        return new Streaming(
                linker.downcallHandle(find(lib, "XXH3_createState"), FunctionDescriptor.of(ValueLayout.ADDRESS)),
                linker.downcallHandle(find(lib, "XXH3_freeState"), FunctionDescriptor.of(status, ValueLayout.ADDRESS)),
                linker.downcallHandle(find(lib, "XXH3_128bits_reset"), FunctionDescriptor.of(status, ValueLayout.ADDRESS)),
                linker.downcallHandle(find(lib, "XXH3_128bits_update"),
                        FunctionDescriptor.of(status, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG)),
                linker.downcallHandle(find(lib, "XXH3_128bits_digest"), FunctionDescriptor.of(HASH128, ValueLayout.ADDRESS)));
    }

    private static boolean streamingWorks(Streaming fns) {
        for (int i = 0; i < KNOWN_LENGTHS.length; i++) {
            byte[] input = known(KNOWN_LENGTHS[i]);
            State st = new State(fns);
            st.put(MemorySegment.ofArray(input).asSlice(0, input.length / 2));
            st.put(MemorySegment.ofArray(input).asSlice(input.length / 2));
            if (!Xxh3.canonical(st.id()).equals(KNOWN_DIGESTS[i])) {
                return false;
            }
        }
        return true;
    }

    /** The deterministic bytes whose digests {@link #KNOWN_DIGESTS} holds: {@code i * 31 + 7} for the i-th byte. */
    static byte[] known(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    static int[] knownLengths() {
        return KNOWN_LENGTHS.clone();
    }

    static String knownDigest(int index) {
        return KNOWN_DIGESTS[index];
    }

    private boolean givesKnownDigests() {
        for (int i = 0; i < KNOWN_LENGTHS.length; i++) {
            if (!Xxh3.canonical(idOf(MemorySegment.ofArray(known(KNOWN_LENGTHS[i])))).equals(KNOWN_DIGESTS[i])) {
                return false;
            }
        }
        return true;
    }

    ObjectId idOf(MemorySegment content) {
        try (Arena arena = Arena.ofConfined()) {
            return idOfDigest((MemorySegment) oneShot.invokeExact((SegmentAllocator) arena, offHeap(content, arena), content.byteSize()));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The id of an {@code XXH128_hash_t} as the library returns it: {@code low64}, then {@code high64}. */
    private static ObjectId idOfDigest(MemorySegment hash) {
        return ObjectId.fromDigest(hash.get(ValueLayout.JAVA_LONG, 8), hash.get(ValueLayout.JAVA_LONG, 0));
    }

    /**
     * {@code bytes} where C can read them: as they are if native (a mapping, a direct buffer), else
     * copied into {@code arena}. (A "critical" call could read a heap array in place, but is one
     * more function to link; {@link Xxh3} hashes large arrays with the Java libraries instead.)
     */
    private static MemorySegment offHeap(MemorySegment bytes, Arena arena) {
        return bytes.isNative() ? bytes : arena.allocate(Math.max(1, bytes.byteSize())).copyFrom(bytes).asSlice(0, bytes.byteSize());
    }

    /** A new incremental hash, or null if the library's incremental functions do not work here. */
    State newState() {
        Streaming fns = streaming();
        return fns == null ? null : new State(fns);
    }

    private static void free(MethodHandle freeState, MemorySegment state) {
        try {
            int ignored = (int) freeState.invokeExact(state);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static RuntimeException failed(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("libxxhash call failed", t);
    }

    /** An incremental XXH3-128 over native state, freed by XXH3_freeState once the State is unreachable. */
    static final class State {
        private final Streaming fns;
        private final MemorySegment state;
        /** Where heap bytes are copied for the C library: made once, at the size first needed (up to HEAP_COPY), not zeroed each time. */
        private MemorySegment scratch;

        private State(Streaming fns) {
            this.fns = fns;
            try {
                MemorySegment created = (MemorySegment) fns.create().invokeExact();
                if (created.equals(MemorySegment.NULL)) {
                    throw new OutOfMemoryError("XXH3_createState returned NULL");
                }
                MethodHandle free = fns.free(); // the cleanup may hold the handle, never the State
                state = created.reinterpret(Arena.ofAuto(), unreachable -> free(free, unreachable));
                if ((int) fns.reset().invokeExact(state) != 0) {
                    throw new IllegalStateException("XXH3_128bits_reset failed");
                }
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        void put(MemorySegment bytes) {
            try {
                if (bytes.isNative()) {
                    update(bytes);
                    return;
                }
                long wanted = Math.min(bytes.byteSize(), HEAP_COPY);
                if (scratch == null || scratch.byteSize() < wanted) {
                    scratch = Arena.ofAuto().allocate(wanted);
                }
                long step = scratch.byteSize();
                for (long at = 0; at < bytes.byteSize(); at += step) {
                    long n = Math.min(step, bytes.byteSize() - at);
                    MemorySegment.copy(bytes, at, scratch, 0, n);
                    update(scratch.asSlice(0, n));
                }
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        private void update(MemorySegment nativeBytes) throws Throwable {
            if ((int) fns.update().invokeExact(state, nativeBytes, nativeBytes.byteSize()) != 0) {
                throw new IllegalStateException("XXH3_128bits_update failed");
            }
        }

        ObjectId id() {
            try (Arena arena = Arena.ofConfined()) {
                return idOfDigest((MemorySegment) fns.digest().invokeExact((SegmentAllocator) arena, state));
            } catch (Throwable t) {
                throw failed(t);
            }
        }
    }
}
