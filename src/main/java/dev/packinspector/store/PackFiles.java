package dev.packinspector.store;

import java.util.regex.Pattern;

/** The file names chkpt gives a pack's files. */
public final class PackFiles {
    /** chkpt names packs with the first 16 hex digits of their content hash. */
    public static final Pattern NAME = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern FILE = Pattern.compile("pack-([0-9a-f]{16})\\.(dat|idx|dat\\.parts\\.json)");

    private PackFiles() {
    }

    public static String dat(String name) {
        return "pack-" + name + ".dat";
    }

    public static String idx(String name) {
        return "pack-" + name + ".idx";
    }

    public static String partsManifest(String name) {
        return "pack-" + name + ".dat.parts.json";
    }

    /** The pack name if {@code fileName} is a pack's .dat, .idx or parts manifest, else null. */
    public static String packNameOf(String fileName) {
        var m = FILE.matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }
}
