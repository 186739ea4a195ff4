package dev.packinspector.restore;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code verify}'s findings into causes (DESIGN.md: causes, not cascades). One unreadable
 * pack is one cause that lists the objects the catalog says it held and the snapshot files that
 * need them, instead of one "not found" per object and per file; a damaged object is one cause
 * with the files that use it, and the pack-wide hash mismatch it brings is folded under it; an
 * object in no pack at all is one cause however many catalog rows point at it. Findings are
 * grouped by their fields (pack, object), never by parsing their sentences. Not thread-safe.
 */
public final class VerifyCauses {
    /** Affected files listed per cause; beyond this only the count grows. */
    public static final int FILES_LISTED = 1_000;

    /** The snapshot files (owner snapshot id, path) that use any of the given objects. */
    public interface Uses {
        Uses NONE = (ids, action) -> { };

        void forEachUse(Collection<ObjectId> ids, UseAction action) throws IOException;
    }

    /** Receives one manifest row that uses an object. */
    public interface UseAction {
        void accept(ObjectId object, String snapshot, String path);
    }

    private static final Set<ProblemKind> FOLLOWS_FROM_DAMAGED_OBJECTS = Set.of(ProblemKind.PACK_HASH_MISMATCH, ProblemKind.PACK_LAYOUT_INVALID);

    private final PackSet packs;
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Group> byPack = new LinkedHashMap<>();
    private final Map<String, Group> byObject = new LinkedHashMap<>();

    private VerifyCauses(PackSet packs) {
        this.packs = packs;
    }

    /** The causes behind {@code findings}, in the order their first finding came. */
    public static List<Cause> of(List<Finding> findings, PackSet packs, Uses uses) throws IOException {
        var grouping = new VerifyCauses(packs);
        List<Finding> unique = List.copyOf(new LinkedHashSet<>(findings));
        Set<String> unreadable = new HashSet<>();
        for (PackStatus p : packs.packs()) {
            if (!p.readable() && p.problem() != null && !p.problem().kind().incomplete()) {
                unreadable.add(p.name());
            }
        }
        var rest = new ArrayList<Finding>();
        for (Finding f : unique) {
            if (f.pack() != null && f.object() == null && unreadable.contains(f.pack()) && !grouping.byPack.containsKey(f.pack())) {
                grouping.byPack.put(f.pack(), grouping.start(f));
            } else if (f.pack() != null && f.object() != null && f.kind() != ProblemKind.OBJECT_NOT_FOUND) {
                grouping.damagedObject(f);
            } else {
                rest.add(f);
            }
        }
        // blob_index rows that name a pack come before the manifest's references, so a lost object finds its pack first
        rest.sort((a, b) -> Boolean.compare(a.pack() == null, b.pack() == null));
        for (Finding f : rest) {
            grouping.place(f);
        }
        return grouping.finish(uses);
    }

    private void damagedObject(Finding f) {
        String key = f.pack() + "/" + f.object().toHex();
        Group g = byObject.get(key);
        if (g == null) {
            g = start(f);
            g.lost.add(f.object());
            byObject.put(key, g);
            byObject.putIfAbsent(f.object().toHex(), g);
        } else {
            g.also.add(f);
        }
    }

    private void place(Finding f) {
        if (f.object() != null && f.kind() != ProblemKind.OBJECT_NOT_FOUND && byObject.containsKey(f.object().toHex())) {
            // the catalog's doubts about an object already found damaged follow from that damage
            byObject.get(f.object().toHex()).also.add(f);
            return;
        }
        if (f.object() != null && f.kind() == ProblemKind.OBJECT_NOT_FOUND) {
            Group owner = f.pack() != null && byPack.containsKey(f.pack()) ? byPack.get(f.pack()) : byObject.get(f.object().toHex());
            if (owner != null) {
                owner.lost.add(f.object());
                byObject.putIfAbsent(f.object().toHex(), owner);
                if (owner.finding.object() != null) {
                    owner.also.add(f);
                }
                return;
            }
            Group g = start(f);
            g.lost.add(f.object());
            byObject.put(f.object().toHex(), g);
            return;
        }
        if (TreeCheck.PACK.equals(f.pack()) && f.snapshot() != null && f.kind() != ProblemKind.TREE_MANIFEST_MISMATCH) {
            // a snapshot whose walk a damaged tree spoils is what that damage takes with it
            for (Group g : groups) {
                if (TreeCheck.PACK.equals(g.finding.pack()) && g.finding.snapshot() == null) {
                    g.also.add(f);
                    return;
                }
            }
        }
        if (f.pack() != null && FOLLOWS_FROM_DAMAGED_OBJECTS.contains(f.kind())) {
            for (Group g : groups) {
                if (f.pack().equals(g.finding.pack()) && g.finding.object() != null) {
                    g.also.add(f);
                    return;
                }
            }
        }
        Group g = start(f);
        if (f.snapshot() != null && f.path() != null) {
            g.addFile(new Cause.AffectedFile(f.snapshot(), f.path(), f.object()));
        }
    }

    private Group start(Finding f) {
        var g = new Group(f);
        groups.add(g);
        return g;
    }

    private List<Cause> finish(Uses uses) throws IOException {
        var owners = new LinkedHashMap<ObjectId, Group>();
        for (Group g : groups) {
            if (g.finding.object() != null && g.finding.kind() != ProblemKind.OBJECT_NOT_FOUND) {
                g.intactIn = intactCopy(g.finding.object(), g.finding.pack());
                if (g.intactIn != null) {
                    g.lost.clear();
                }
            }
            g.lost.forEach(id -> owners.putIfAbsent(id, g));
        }
        if (!owners.isEmpty()) {
            uses.forEachUse(owners.keySet(), (id, snapshot, path) -> {
                Group g = owners.get(id);
                if (g != null) {
                    g.addFile(new Cause.AffectedFile(snapshot, path, id));
                }
            });
        }
        return groups.stream().map(Group::cause).toList();
    }

    /** Another readable pack that holds {@code id} with no finding against it, or null. */
    private String intactCopy(ObjectId id, String damagedPack) {
        for (ObjectLocation at : packs.locateAll(id)) {
            String name = at.pack().name();
            if (!name.equals(damagedPack) && !byObject.containsKey(name + "/" + id.toHex())) {
                return name;
            }
        }
        return null;
    }

    private static final class Group {
        final Finding finding;
        final List<Finding> also = new ArrayList<>();
        final Set<ObjectId> lost = new LinkedHashSet<>();
        final List<Cause.AffectedFile> files = new ArrayList<>();
        long fileCount;
        String intactIn;

        Group(Finding finding) {
            this.finding = finding;
        }

        void addFile(Cause.AffectedFile file) {
            fileCount++;
            if (files.size() < FILES_LISTED) {
                files.add(file);
            }
        }

        Cause cause() {
            return new Cause(finding, also, List.copyOf(lost), files, fileCount, intactIn);
        }
    }
}
