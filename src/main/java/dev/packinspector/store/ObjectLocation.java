package dev.packinspector.store;

/**
 * Where an object lives: its pack, its position in that pack's index, and the entry's offset and
 * compressed length as the index records them (not yet checked against the data).
 */
public record ObjectLocation(Pack pack, int position, long offset, long compressedSize) implements StoredObject {

    static ObjectLocation of(Pack pack, int position) {
        PackIndex index = pack.index();
        return new ObjectLocation(pack, position, index.offset(position), index.compressedSize(position));
    }

    public ObjectId id() {
        return pack.index().id(position);
    }
}
