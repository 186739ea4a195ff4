package dev.packinspector.legacy;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder of a chkpt 0.1.x snapshot: a {@code trees/} file, bincode 1.x of
 * {@code Vec<TreeEntry>} (LEGACY-FORMAT.md §5): a u64 count, then per entry a u64-prefixed UTF-8
 * name, a u32 kind (0 file, 1 folder, 2 link), a 32-byte id, a u64 size and a u32 mode; all
 * little-endian. Every count and length is checked against the bytes there are; a name that is
 * {@code .} or {@code ..}, holds {@code /} or NUL, or is not UTF-8 is refused with its reason.
 * Empty names and names that come twice are kept: chkpt 0.1.x writes them for workspace names
 * holding a backslash, which it stores as a {@code /} (LEGACY-FORMAT.md §13: {@code d/\x} is an
 * empty-named folder in {@code d} holding {@code x}, {@code \x} at the root a second {@code x});
 * {@link LegacyWalk} places them. Bytes after the last entry are allowed, as chkpt's own reader
 * allows them.
 */
public record LegacyTree(List<Entry> entries) {
    /** What an entry is. */
    public enum Kind { FILE, FOLDER, LINK }

    /** One entry: {@code id} is the object of a file or link, the tree of a folder. */
    public record Entry(String name, Kind kind, LegacyId id, long size, int mode) {
    }

    /** The smallest entry: an empty name's length word, kind, id, size and mode. */
    static final int MIN_ENTRY = 8 + 4 + LegacyId.BYTES + 8 + 4;

    /**
     * Decodes {@code bytes}, the file {@code file} (named in what is refused).
     *
     * @throws StoreException {@link ProblemKind#UNREADABLE} saying what is wrong and where
     */
    public static LegacyTree decode(byte[] bytes, Path file) throws StoreException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long count = u64(in, file, "the entry count");
        if (count < 0 || count > (bytes.length - 8) / MIN_ENTRY) { // a u64: negative here is 2^63 or more
            throw bad(file, 0, "says it holds " + Long.toUnsignedString(count) + " entries, more than its " + bytes.length + " bytes can");
        }
        var entries = new ArrayList<Entry>((int) count);
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < count; i++) {
            int at = in.position();
            long length = u64(in, file, "a name's length");
            if (length < 0 || length > in.remaining() - (MIN_ENTRY - 8)) {
                throw bad(file, at, "entry " + i + " has a name of " + Long.toUnsignedString(length) + " bytes, more than the file holds");
            }
            byte[] raw = new byte[(int) length];
            in.get(raw);
            String name;
            try {
                name = utf8.decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw bad(file, at, "entry " + i + " has a name that is not UTF-8");
            }
            String problem = nameProblem(name);
            if (problem != null) {
                throw bad(file, at, "entry " + i + " has a name that " + problem);
            }
            int kind = in.getInt();
            if (kind < 0 || kind > 2) {
                throw bad(file, at, "entry '" + name + "' is of kind " + Integer.toUnsignedString(kind) + " (0 file, 1 folder, 2 link are known)");
            }
            byte[] id = new byte[LegacyId.BYTES];
            in.get(id);
            long size = in.getLong();
            if (size < 0) {
                throw bad(file, at, "entry '" + name + "' has a size of " + Long.toUnsignedString(size) + " bytes");
            }
            int mode = in.getInt();
            entries.add(new Entry(name, Kind.values()[kind], LegacyId.fromBytes(id, 0), size, mode));
        }
        return new LegacyTree(List.copyOf(entries));
    }

    /** Null if {@code name} can be one path component of a tree (or empty, see above), else why not, as a clause. */
    static String nameProblem(String name) {
        if (name.equals(".") || name.equals("..")) {
            return "is '" + name + "'";
        }
        if (name.indexOf('/') >= 0) {
            return "holds a '/'";
        }
        if (name.indexOf('\0') >= 0) {
            return "holds a NUL";
        }
        return null;
    }

    private static long u64(ByteBuffer in, Path file, String what) throws StoreException {
        if (in.remaining() < 8) {
            throw bad(file, in.position(), "ends before " + what);
        }
        return in.getLong();
    }

    private static StoreException bad(Path file, long offset, String what) {
        return new StoreException(ProblemKind.UNREADABLE, file, offset, "this chkpt 0.1.x tree " + what);
    }
}
