package dev.packinspector.workspace;

import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * Where chkpt keeps the store of a workspace folder, worked out as chkpt-2f794af and 7f7f180 do it
 * (DESIGN.md §1), checked against those binaries ({@code WorkspaceStoreTest}):
 * <ul>
 * <li>the stores' folder is {@code $CHKPT_HOME/.chkpt/stores} if CHKPT_HOME is set at all (an
 * empty or relative one is relative to the folder chkpt runs in, that is the workspace), else
 * {@code $HOME/.chkpt/stores} if HOME is set and not empty, else the home of the password
 * database, which is Java's {@code user.home};
 * <li>a workspace's store is the folder there named by its project id: the first 16 hex digits of
 * XXH3-128 of the workspace's physical path ({@code getcwd}: absolute, every link resolved), as
 * UTF-8 with each ill-formed byte sequence replaced by U+FFFD the way Rust's
 * {@code to_string_lossy} replaces it.
 * </ul>
 * chkpt 0.1.x named them by BLAKE3 and knew no CHKPT_HOME (LEGACY-FORMAT.md §1): {@link #legacyStoreFolderOf}.
 *
 * @param chkptHome CHKPT_HOME, or null if it is not set
 * @param home HOME, or null if it is not set
 * @param userHome the home the password database gives (Java's {@code user.home})
 */
public record ChkptHome(String chkptHome, String home, String userHome) {
    /** The folder chkpt keeps its stores in, under its home. */
    private static final String STORES = ".chkpt/stores";

    /** What chkpt run by this process would read. */
    public static ChkptHome ofThisProcess() {
        return new ChkptHome(System.getenv("CHKPT_HOME"), System.getenv("HOME"), System.getProperty("user.home"));
    }

    /**
     * The folder of stores chkpt uses when it runs in {@code workingFolder} (only an empty or
     * relative CHKPT_HOME depends on it).
     */
    public Path storesFolder(Path workingFolder) {
        Path base;
        if (chkptHome != null) {
            base = workingFolder.resolve(chkptHome);
        } else if (home != null && !home.isEmpty()) {
            base = workingFolder.resolve(home);
        } else {
            base = Path.of(userHome);
        }
        return base.resolve(STORES).normalize();
    }

    /** The folder of stores the start page lists: as chkpt would use it run where this process runs. */
    public Path storesFolder() {
        return storesFolder(Path.of("").toAbsolutePath());
    }

    /**
     * Where chkpt keeps the store of {@code workspace} (which must exist: its physical path is
     * what chkpt hashes), whether or not a store is there yet.
     */
    public Path storeFolderOf(Path workspace) throws IOException {
        Path physical = workspace.toRealPath();
        return storesFolder(physical).resolve(projectId(physical));
    }

    /**
     * Where chkpt 0.1.x keeps the store of {@code workspace} (LEGACY-FORMAT.md §1): under HOME if it
     * is set and not empty, else the password database's home (CHKPT_HOME is not read), named by
     * the first 16 hex digits of the BLAKE3 of the folder's physical path, replaced as
     * {@link #projectId} replaces it.
     */
    public Path legacyStoreFolderOf(Path workspace) throws IOException {
        Path physical = workspace.toRealPath();
        Path base = home != null && !home.isEmpty() ? physical.resolve(home) : Path.of(userHome);
        return base.resolve(STORES).normalize().resolve(legacyProjectId(physical));
    }

    /** chkpt 0.1.x's project id of a folder given by its physical path. */
    public static String legacyProjectId(Path physical) {
        String text = physical.toString();
        byte[] path = (text.indexOf('\uFFFD') < 0 ? text : Utf8Lossy.decode(bytesOf(physical))).getBytes(StandardCharsets.UTF_8);
        var digest = new Blake3Digest(256);
        digest.update(path, 0, path.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return java.util.HexFormat.of().formatHex(out, 0, 8);
    }

    /** The store chkpt keeps for {@code workspace}, if one is there (a folder with a catalog). */
    public Optional<Path> storeOf(Path workspace) throws IOException {
        Path store = storeFolderOf(workspace);
        return Files.isRegularFile(store.resolve("catalog.sqlite")) ? Optional.of(store) : Optional.empty();
    }

    /** The first of {@code candidates} (existing folders; others are passed over) whose store {@code store} is. */
    public Optional<Path> workspaceOf(Path store, Collection<Path> candidates) {
        for (Path candidate : candidates) {
            try {
                if (Files.isDirectory(candidate) && Files.isDirectory(store) && Files.isSameFile(storeFolderOf(candidate), store)) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // a candidate that cannot be resolved, or whose store is not there, is not this store's folder
            }
        }
        return Optional.empty();
    }

    /** chkpt's project id of a folder given by its physical path. */
    public static String projectId(Path physical) {
        String text = physical.toString();
        // Java decoded the name without a loss unless it holds U+FFFD; only then are its bytes needed
        ObjectId id = ObjectId.of((text.indexOf('\uFFFD') < 0 ? text : Utf8Lossy.decode(bytesOf(physical))).getBytes(StandardCharsets.UTF_8));
        // An ObjectId holds the digest low half first, each half little-endian; the project id is the high half.
        return String.format(Locale.ROOT, "%016x", Long.reverseBytes(id.lo()));
    }

    /**
     * The bytes the file system knows {@code path} by. Java keeps them in the path but shows them
     * only decoded into a string, which replaces ill-formed sequences its own way; its URI gives them
     * percent-encoded, with a slash added when the path is a folder.
     */
    public static byte[] bytesOf(Path path) {
        URI uri = path.toAbsolutePath().toUri();
        String raw = uri.getRawPath();
        if (raw.length() > 1 && raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        var out = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
