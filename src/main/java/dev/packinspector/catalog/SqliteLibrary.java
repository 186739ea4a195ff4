package dev.packinspector.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc's native library, taken out of its jar once into the user's cache
 * ({@code $XDG_CACHE_HOME/pack-inspector}, else {@code ~/.cache/pack-inspector}) and loaded from
 * there. Left to itself, sqlite-jdbc copies the library into the temp folder and compares the copy
 * with the jar's byte by byte on every run: 0.15 s of each command that reads a catalog. The copy is
 * named by the driver's version and the library's size, and written under a temp name and renamed,
 * so a copy found is whole. If anything here fails, sqlite-jdbc extracts the library as it always
 * does.
 */
final class SqliteLibrary {
    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at the cached library, extracting it first if it is not there; once per process. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // the user chose a library
        }
        try {
            String platform = platform();
            String name = System.mapLibraryName("sqlitejdbc");
            URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + platform + "/" + name);
            Path cache = cacheRoot();
            if (resource == null || cache == null) {
                return;
            }
            long size = resource.openConnection().getContentLengthLong();
            Path folder = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + size).resolve(platform);
            Path library = folder.resolve(name);
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(folder);
                Path part = Files.createTempFile(folder, name, ".part");
                try (InputStream in = resource.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // no cache to write: sqlite-jdbc extracts the library into the temp folder itself
        }
    }

    /**
     * sqlite-jdbc's folder name for this platform, as {@code OSInfo.getNativeLibFolderPathForCurrentOS()}
     * gives it. OSInfo starts {@code uname -o} to tell Termux from other Linux (0.05 s of every
     * command that reads a catalog); on glibc Linux on x86_64 or aarch64, the answer for nearly every
     * user, it is worked out here from the JVM's properties and its own mappings instead (musl
     * shows in {@code /proc/self/maps}, Android in {@code /system/build.prop}). Anything else asks OSInfo.
     */
    static String platform() {
        if ("Linux".equals(System.getProperty("os.name")) && !Files.exists(Path.of("/system/build.prop"))) {
            String arch = switch (System.getProperty("os.arch", "")) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64" -> "aarch64";
                default -> null;
            };
            try {
                if (arch != null && !new String(Files.readAllBytes(Path.of("/proc/self/maps")), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("musl")) {
                    return "Linux/" + arch;
                }
            } catch (IOException | RuntimeException e) {
                // no /proc to read: OSInfo knows its ways
            }
        }
        return OSInfo.getNativeLibFolderPathForCurrentOS();
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pack-inspector");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "pack-inspector");
    }
}
