package dev.packinspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The stores written by the original chkpt, in {@code ../shared/fixtures}, and their manifests. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("fixtures.dir", "../shared/fixtures")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("basic"))) {
            throw new IllegalStateException("chkpt fixtures not found at " + root
                    + ": check out the project with shared/ beside it, or pass -Dfixtures.dir=...");
        }
        return root;
    }

    public static Path store(String name) {
        return root().resolve(name);
    }

    /** The stores written by the real chkpt PackWriter (not the corrupt set). */
    public static List<String> goodStores() {
        return List.of("basic", "chunked", "alias");
    }

    /** The stores the real chkpt binaries wrote ({@code real/}): with trees, WAL catalogs, hostile names. */
    public static List<String> realStores() {
        return List.of("real/head-basic", "real/head-chunked", "real/7f7f180-basic", "real/head-deleted", "real/head-gc");
    }

    public static List<String> corruptCases() {
        try (Stream<Path> dirs = Files.list(root().resolve("corrupt"))) {
            return dirs.filter(Files::isDirectory).map(p -> "corrupt/" + p.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode manifest(String store) {
        try {
            return JSON.readTree(store(store).resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
