package dev.packinspector.store;

/**
 * One pack of a folder as it was found: open and usable ({@code pack} set), or not ({@code
 * problem} set, saying why). {@code dataBytes} is the size of the pack data where known, else -1.
 */
public record PackStatus(String name, PackState state, Pack pack, StoreException problem, long dataBytes) {

    static PackStatus opened(Pack pack) {
        return new PackStatus(pack.name(), pack.chunked() ? PackState.CHUNKED : PackState.OK, pack, null, pack.data().size());
    }

    static PackStatus failed(String name, StoreException problem, long dataBytes) {
        PackState state = problem.kind().incomplete() ? PackState.INCOMPLETE : PackState.UNREADABLE;
        return new PackStatus(name, state, null, problem, dataBytes);
    }

    public boolean readable() {
        return pack != null;
    }

    /** Entries in the index, or -1 when the pack could not be opened. */
    public long entryCount() {
        return pack == null ? -1 : pack.entryCount();
    }
}
