package dev.packinspector.app.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the application remembers between runs: recent stores, window bounds, divider positions.
 * Changes are written out by {@link #flush}, which does file I/O: call it off the FX thread where
 * the window is waiting. Thread-safe ({@link Preferences} is).
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
        var out = new ArrayList<Path>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = prefs.get("recent." + i, null);
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
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                prefs.put("recent." + i, list.get(i).toString());
            } else {
                prefs.remove("recent." + i);
            }
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
