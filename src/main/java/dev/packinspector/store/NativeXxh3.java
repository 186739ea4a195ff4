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
     * algorithm's length classes: 0, 1–3, 4–8, 9–16, 17–128, 129–240 bytes, one stripe block, several.
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

    private final MethodHandle oneShot;
    private final MethodHandle oneShotHeap;
    private final MethodHandle createState;
    private final MethodHandle freeState;
    private final MethodHandle reset;
    private final MethodHandle update;
    private final MethodHandle updateHeap;
    private final MethodHandle digest;

    private NativeXxh3(SymbolLookup lib) {
        Linker linker = Linker.nativeLinker();
        var hashOf = FunctionDescriptor.of(HASH128, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
        var updateOf = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
        // a heap array may be passed only to a "critical" call, which holds off the GC while it runs:
        // used for arrays (small, in practice), never for mapped files, whose hashing may take long
        var heap = Linker.Option.critical(true);
        oneShot = linker.downcallHandle(find(lib, "XXH3_128bits"), hashOf);
        oneShotHeap = linker.downcallHandle(find(lib, "XXH3_128bits"), hashOf, heap);
        createState = linker.downcallHandle(find(lib, "XXH3_createState"), FunctionDescriptor.of(ValueLayout.ADDRESS));
        freeState = linker.downcallHandle(find(lib, "XXH3_freeState"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        reset = linker.downcallHandle(find(lib, "XXH3_128bits_reset"), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        update = linker.downcallHandle(find(lib, "XXH3_128bits_update"), updateOf);
        updateHeap = linker.downcallHandle(find(lib, "XXH3_128bits_update"), updateOf, heap);
        digest = linker.downcallHandle(find(lib, "XXH3_128bits_digest"), FunctionDescriptor.of(HASH128, ValueLayout.ADDRESS));
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
            byte[] input = known(KNOWN_LENGTHS[i]);
            if (!Xxh3.canonical(idOf(MemorySegment.ofArray(input))).equals(KNOWN_DIGESTS[i])) {
                return false;
            }
            State s = newState();
            s.put(MemorySegment.ofArray(input).asSlice(0, input.length / 2));
            s.put(MemorySegment.ofArray(input).asSlice(input.length / 2));
            if (!Xxh3.canonical(s.id()).equals(KNOWN_DIGESTS[i])) {
                return false;
            }
        }
        return true;
    }

    ObjectId idOf(MemorySegment content) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = (MemorySegment) (content.isNative() ? oneShot : oneShotHeap)
                    .invokeExact((SegmentAllocator) arena, content, content.byteSize());
            return ObjectId.fromDigest(h.get(ValueLayout.JAVA_LONG, 8), h.get(ValueLayout.JAVA_LONG, 0));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    State newState() {
        try {
            MemorySegment state = (MemorySegment) createState.invokeExact();
            if (state.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("XXH3_createState returned NULL");
            }
            // freed by XXH3_freeState once the State is unreachable
            state = state.reinterpret(Arena.ofAuto(), NativeXxh3.this::free);
            if ((int) reset.invokeExact(state) != 0) {
                throw new IllegalStateException("XXH3_128bits_reset failed");
            }
            return new State(state);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private void free(MemorySegment state) {
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

    /** An incremental XXH3-128 over native state. */
    final class State {
        private final MemorySegment state;

        private State(MemorySegment state) {
            this.state = state;
        }

        void put(MemorySegment bytes) {
            try {
                if ((int) (bytes.isNative() ? update : updateHeap).invokeExact(state, bytes, bytes.byteSize()) != 0) {
                    throw new IllegalStateException("XXH3_128bits_update failed");
                }
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        ObjectId id() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment h = (MemorySegment) digest.invokeExact((SegmentAllocator) arena, state);
                return ObjectId.fromDigest(h.get(ValueLayout.JAVA_LONG, 8), h.get(ValueLayout.JAVA_LONG, 0));
            } catch (Throwable t) {
                throw failed(t);
            }
        }
    }
}
