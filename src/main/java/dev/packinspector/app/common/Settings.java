package dev.packinspector.app.common;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the application remembers between runs: recent stores, window bounds, divider positions,
 * the last folder chosen for each purpose. Changes are written out by {@link #flush}, which does
 * file I/O: call it off the FX thread where the window is waiting. Thread-safe ({@link Preferences} is).
 */
public final class Settings {
    private static final int MAX_RECENT = 8;
    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings user() {
        return new Settings(Preferences.userRoot().node("dev/packinspector"));
    }

    public List<Path> recentStores() {
        return paths("recent.");
    }

    /** The workspace folders stores were opened by lately, newest first: the start page names stores by them. */
    public List<Path> recentWorkspaces() {
        return paths("workspace.");
    }

    /** Remembers that a store was opened by choosing its workspace folder {@code folder}. */
    public void addWorkspace(Path folder) {
        var list = new ArrayList<>(recentWorkspaces());
        list.remove(folder);
        list.addFirst(folder);
        putPaths("workspace.", list);
    }

    private List<Path> paths(String key) {
        var out = new ArrayList<Path>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = prefs.get(key + i, null);
            if (p != null) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public void addRecent(Path store) {
        var list = new ArrayList<>(recentStores());
        list.remove(store);
        list.addFirst(store);
        putRecent(list);
    }

    /** Forgets every recent store and workspace folder. */
    public void clearRecent() {
        putRecent(List.of());
        putPaths("workspace.", List.of());
    }

    private void putRecent(List<Path> list) {
        putPaths("recent.", list);
    }

    private void putPaths(String key, List<Path> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                prefs.put(key + i, list.get(i).toString());
            } else {
                prefs.remove(key + i);
            }
        }
    }

    /** The folder last chosen for {@code purpose} ("store", "restore", "export"), if it still exists; else null. */
    public Path folder(String purpose) {
        String p = prefs.get("folder." + purpose, null);
        if (p == null) {
            return null;
        }
        try {
            Path folder = Path.of(p);
            return Files.isDirectory(folder) ? folder : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Remembers {@code folder} as the one to start in next time for {@code purpose}. */
    public void folder(String purpose, Path folder) {
        if (folder != null) {
            prefs.put("folder." + purpose, folder.toAbsolutePath().toString());
        }
    }

    public double number(String key, double fallback) {
        return prefs.getDouble(key, fallback);
    }

    public void put(String key, double value) {
        prefs.putDouble(key, value);
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            System.err.println("pack-inspector: cannot save settings: " + e.getMessage());
        }
    }
}
