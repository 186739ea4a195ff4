package dev.packinspector.store;

/** Where a store keeps one object's content: in a pack ({@link ObjectLocation}) or a file of its own. */
public interface StoredObject {
    /** Bytes it takes on disk, compressed. */
    long compressedSize();
}
