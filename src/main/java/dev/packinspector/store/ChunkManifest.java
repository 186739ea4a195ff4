package dev.packinspector.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A chunked pack's {@code pack-NAME.dat.parts.json}, validated: version 1, the pack's own name,
 * parts that are plain file names in the packs folder and tile {@code [0, dat_size)} with no gap
 * or overlap. Immutable.
 */
public record ChunkManifest(String packHash, long datSize, long chunkBytes, List<Part> parts) {
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One part: its file name, and where its bytes sit in the joined {@code .dat}. */
    public record Part(String path, long offset, long size) {
    }

    static ChunkManifest read(Path file, String packName) throws StoreException {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw invalid(file, "parts manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new StoreException(ProblemKind.PACK_DATA_MISSING, file, StoreException.NO_OFFSET, "parts manifest is missing");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw invalid(file, "parts manifest is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "parts manifest is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 1) {
            throw invalid(file, "unsupported pack parts manifest version " + version);
        }
        String hash = root.path("pack_hash").asText("");
        if (!hash.equals(packName)) {
            throw invalid(file, "parts manifest is for pack '" + hash + "', not " + packName);
        }
        long datSize = whole(file, root, "dat_size");
        long chunkBytes = whole(file, root, "chunk_bytes");
        if (datSize < Pack.HEADER_BYTES || chunkBytes <= 0) {
            throw invalid(file, "dat_size " + datSize + " or chunk_bytes " + chunkBytes + " is impossible");
        }
        JsonNode partsNode = root.get("parts");
        if (partsNode == null || !partsNode.isArray() || partsNode.isEmpty()) {
            throw invalid(file, "parts manifest lists no parts");
        }
        List<Part> parts = new ArrayList<>();
        long covered = 0;
        for (JsonNode p : partsNode) {
            String path = p.path("path").asText("");
            long offset = whole(file, p, "offset");
            long size = whole(file, p, "size");
            if (!plainFileName(path)) {
                throw invalid(file, "parts manifest contains an invalid part path: " + path);
            }
            if (offset != covered) {
                throw invalid(file, "parts manifest has a " + (offset > covered ? "gap" : "overlap") + " before offset " + offset);
            }
            if (size <= 0) {
                throw invalid(file, "part " + path + " has size " + size);
            }
            covered += size;
            parts.add(new Part(path, offset, size));
        }
        if (covered != datSize) {
            throw invalid(file, "parts cover " + covered + " bytes but dat_size is " + datSize);
        }
        return new ChunkManifest(hash, datSize, chunkBytes, List.copyOf(parts));
    }

    private static boolean plainFileName(String path) {
        return !path.isEmpty() && !path.equals(".") && !path.equals("..")
                && path.indexOf('/') < 0 && path.indexOf('\\') < 0 && path.indexOf('\0') < 0;
    }

    private static long whole(Path file, JsonNode node, String field) throws StoreException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw invalid(file, "parts manifest field '" + field + "' is missing or not a non-negative whole number");
        }
        return v.asLong();
    }

    private static StoreException invalid(Path file, String detail) {
        return new StoreException(ProblemKind.CHUNK_MANIFEST_INVALID, file, StoreException.NO_OFFSET, detail);
    }
}
