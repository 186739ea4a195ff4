package dev.packinspector.restore;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.store.ContentId;

/**
 * One thing to restore: a relative, {@code /}-separated path in the target, the object that
 * holds its content, its recorded size ({@code -1} if unknown) and its Unix mode ({@code -1} for
 * objects extracted by id, which get default permissions). {@code problem} is set (and {@code id}
 * may be null) when the catalog row itself is unusable.
 */
public record RestoreItem(String path, ContentId id, long size, long mode, String problem) {
    static final long TYPE_MASK = 0170000;
    static final long REGULAR = 0100000;
    static final long SYMLINK = 0120000;

    /** A manifest row restored at its path, with its size, mode and (if the row is unusable) its problem. */
    public static RestoreItem of(ManifestEntry entry) {
        return new RestoreItem(entry.path(), entry.blob(), entry.size(), entry.mode(), entry.problem());
    }

    /** An object restored by id, as a file named by its id with default permissions; {@code size} -1 if unknown. */
    public static RestoreItem object(ContentId id, long size) {
        return new RestoreItem(id.toHex(), id, size, -1, null);
    }

    public boolean symlink() {
        return mode >= 0 && (mode & TYPE_MASK) == SYMLINK;
    }

    /** Permission bits to set (set-id and sticky bits are never restored), or -1 to leave the default. */
    public int permissions() {
        return mode < 0 ? -1 : (int) (mode & 0777);
    }

    /** Null if chkpt could have written this entry from a file or link, else why not. */
    String unsupportedType() {
        if (mode < 0) {
            return null;
        }
        long type = mode & TYPE_MASK;
        if (type == REGULAR || type == SYMLINK) {
            return null;
        }
        String kind = switch ((int) (type >> 12)) {
            case 001 -> "a fifo";
            case 002 -> "a character device";
            case 004 -> "a folder";
            case 006 -> "a block device";
            case 014 -> "a socket";
            default -> "no file type";
        };
        return String.format("mode %o is %s; only files and symlinks are restored", mode, kind);
    }
}
