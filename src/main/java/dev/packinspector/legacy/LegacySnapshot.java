package dev.packinspector.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One snapshot of a chkpt 0.1.x store: a {@code snapshots/<id>.json} file (LEGACY-FORMAT.md §6).
 * Every field chkpt writes is checked: the id is a UUID and the file's name, the time RFC 3339,
 * the root tree 32 bytes, the counts whole and not negative.
 */
public record LegacySnapshot(String id, String createdAt, String message, LegacyId rootTree, String parentId, long totalFiles,
        long totalBytes, long newObjects) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Parses {@code bytes}, the file {@code file}.
     *
     * @throws StoreException {@link ProblemKind#UNREADABLE} naming the file and what is wrong
     */
    public static LegacySnapshot parse(byte[] bytes, Path file) throws StoreException {
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(file, "is not JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw bad(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw bad(file, "is not a JSON object");
        }
        String id = text(json, "id", file, false);
        String name = file.getFileName().toString();
        if (!UUID.matcher(id).matches() || !name.equals(id + ".json")) {
            throw bad(file, "has the id '" + id + "', which is not a UUID named by its file");
        }
        String createdAt = text(json, "created_at", file, false);
        try {
            OffsetDateTime.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw bad(file, "has a created_at that is not an RFC 3339 time: '" + createdAt + "'");
        }
        JsonNode root = json.get("root_tree_hash");
        if (root == null || !root.isArray() || root.size() != LegacyId.BYTES) {
            throw bad(file, "has a root_tree_hash that is not 32 bytes");
        }
        byte[] rootBytes = new byte[LegacyId.BYTES];
        for (int i = 0; i < LegacyId.BYTES; i++) {
            JsonNode b = root.get(i);
            if (!b.isInt() || b.asInt() < 0 || b.asInt() > 255) {
                throw bad(file, "has a root_tree_hash whose byte " + i + " is " + b);
            }
            rootBytes[i] = (byte) b.asInt();
        }
        JsonNode stats = json.get("stats");
        if (stats == null || !stats.isObject()) {
            throw bad(file, "has no stats");
        }
        return new LegacySnapshot(id, createdAt, text(json, "message", file, true), LegacyId.fromBytes(rootBytes, 0),
                text(json, "parent_snapshot_id", file, true), count(stats, "total_files", file), count(stats, "total_bytes", file),
                count(stats, "new_objects", file));
    }

    private static String text(JsonNode json, String field, Path file, boolean nullable) throws StoreException {
        JsonNode v = json.get(field);
        if (v != null && v.isTextual()) {
            return v.asText();
        }
        if (nullable && (v == null || v.isNull())) {
            return null;
        }
        throw bad(file, "has no text " + field);
    }

    private static long count(JsonNode stats, String field, Path file) throws StoreException {
        JsonNode v = stats.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0) {
            throw bad(file, "has a stats." + field + " that is not a count");
        }
        return v.asLong();
    }

    private static StoreException bad(Path file, String what) {
        return new StoreException(ProblemKind.UNREADABLE, file, StoreException.NO_OFFSET, "this chkpt 0.1.x snapshot " + what);
    }
}
