package dev.packinspector.restore;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Converts between Unix permission bits and Java's permission sets. */
final class PosixModes {
    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /**
     * The file attributes of the 512 modes, each made when first asked for (a restore asks for one
     * a file, of a handful of modes; making one is a set copied into a HashSet). They are immutable,
     * so a race only makes one twice.
     */
    private static final FileAttribute<?>[] ATTRIBUTES = new FileAttribute<?>[512];

    private PosixModes() {
    }

    /** The attribute that creates a file with the permission {@code bits} (0 to 0777). */
    static FileAttribute<?> fileAttribute(int bits) {
        FileAttribute<?> attribute = ATTRIBUTES[bits];
        if (attribute == null) {
            attribute = PosixFilePermissions.asFileAttribute(permissions(bits));
            ATTRIBUTES[bits] = attribute;
        }
        return attribute;
    }

    static Set<PosixFilePermission> permissions(int bits) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(BY_BIT[i]);
            }
        }
        return set;
    }

    static int bits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (int i = 0; i < BY_BIT.length; i++) {
            if (permissions.contains(BY_BIT[i])) {
                bits |= 1 << i;
            }
        }
        return bits;
    }
}
