package dev.packinspector.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a generated workspace holds while its scenario is made, so that every edit the generator
 * emits can be applied: files (content and mode), symlinks, folders (empty ones too). Each
 * operation updates the model and records its {@link Edit}; {@link #takeEdits} hands them over.
 */
final class WorkspaceModel {
    record FileModel(byte[] content, int mode) {
    }

    private final TreeMap<String, FileModel> files = new TreeMap<>();
    private final TreeMap<String, String> links = new TreeMap<>();
    private final TreeSet<String> folders = new TreeSet<>();
    /** Every content each path has held, oldest first, for reverts. */
    private final Map<String, List<byte[]>> history = new HashMap<>();
    private final List<byte[]> contents = new ArrayList<>();
    private List<Edit> edits = new ArrayList<>();

    List<Edit> takeEdits() {
        List<Edit> out = edits;
        edits = new ArrayList<>();
        return out;
    }

    // ---- operations

    void write(String path, byte[] content, int mode) {
        links.remove(path);
        addAncestors(path);
        files.put(path, new FileModel(content, mode));
        history.computeIfAbsent(path, k -> new ArrayList<>()).add(content);
        contents.add(content);
        edits.add(new Edit.Write(path, content, mode));
    }

    void link(String path, String target) {
        files.remove(path);
        addAncestors(path);
        links.put(path, target);
        edits.add(new Edit.Link(path, target));
    }

    void mkdir(String path) {
        addAncestors(path);
        folders.add(path);
        edits.add(new Edit.Mkdir(path));
    }

    void delete(String path) {
        files.keySet().removeIf(p -> under(p, path));
        links.keySet().removeIf(p -> under(p, path));
        folders.removeIf(p -> under(p, path));
        edits.add(new Edit.Delete(path));
    }

    /** Moves a file, link or folder (with everything in it) to {@code to}, which names nothing yet. */
    void rename(String from, String to) {
        addAncestors(to);
        for (String p : new ArrayList<>(files.keySet())) {
            if (under(p, from)) {
                FileModel f = files.remove(p);
                String moved = to + p.substring(from.length());
                files.put(moved, f);
                history.computeIfAbsent(moved, k -> new ArrayList<>()).add(f.content());
            }
        }
        for (String p : new ArrayList<>(links.keySet())) {
            if (under(p, from)) {
                links.put(to + p.substring(from.length()), links.remove(p));
            }
        }
        for (String p : new ArrayList<>(folders)) {
            if (under(p, from)) {
                folders.remove(p);
                folders.add(to + p.substring(from.length()));
            }
        }
        edits.add(new Edit.Rename(from, to));
    }

    void chmod(String path, int mode) {
        files.put(path, new FileModel(files.get(path).content(), mode));
        edits.add(new Edit.Chmod(path, mode));
    }

    // ---- questions

    boolean names(String path) {
        return files.containsKey(path) || links.containsKey(path) || folders.contains(path);
    }

    List<String> files() {
        return new ArrayList<>(files.keySet());
    }

    List<String> links() {
        return new ArrayList<>(links.keySet());
    }

    List<String> folders() {
        return new ArrayList<>(folders);
    }

    FileModel file(String path) {
        return files.get(path);
    }

    long filesUnder(String folder) {
        return files.keySet().stream().filter(p -> under(p, folder)).count();
    }

    List<byte[]> history(String path) {
        return history.getOrDefault(path, List.of());
    }

    /** Every content any file has held so far (for repeated content and reverts to a known blob). */
    List<byte[]> contents() {
        return contents;
    }

    // ---- paths

    private void addAncestors(String path) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            folders.add(path.substring(0, slash));
        }
    }

    static boolean under(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static int depth(String folder) {
        return folder.isEmpty() ? 0 : (int) folder.chars().filter(c -> c == '/').count() + 1;
    }

    /** The relative symlink target that leads from a link in {@code fromFolder} to {@code to}. */
    static String relative(String fromFolder, String to) {
        String[] a = fromFolder.isEmpty() ? new String[0] : fromFolder.split("/", -1);
        String[] b = to.split("/", -1);
        int common = 0;
        while (common < a.length && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        var sb = new StringBuilder();
        for (int i = common; i < a.length; i++) {
            sb.append("../");
        }
        for (int i = common; i < b.length; i++) {
            sb.append(b[i]).append(i < b.length - 1 ? "/" : "");
        }
        return sb.isEmpty() ? "." : sb.toString();
    }
}
