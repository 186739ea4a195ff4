package dev.packinspector.restore;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.PackStatus;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The catalog half of {@code verify}: SQLite's integrity check passes (so no index disagrees with
 * its table, which no query would notice), every snapshot's file list can be found, every
 * {@code blob_index} row names a pack that holds its blob, every object a manifest refers to is in
 * a readable pack and has one size wherever the catalog records it, and every manifest row could
 * be restored: a safe path, and the mode of a file or a symlink.
 */
public final class CatalogReferences implements StoreVerifier.CatalogCheck {
    /** Enough to show what is damaged; SQLite would otherwise list every row of a broken index. */
    static final int INTEGRITY_PROBLEMS_SHOWN = 20;

    private final Catalog catalog;

    public CatalogReferences(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public long check(PackSet packs, Consumer<Finding> findings, BooleanSupplier cancelled) throws IOException {
        // SQLite's integrity check reads the whole file (25 s for a 2.5 GB catalog of 10 million rows): on a connection
        // of its own it runs beside the other catalog checks instead of before them
        var integrity = new java.util.concurrent.FutureTask<Void>(() -> {
            checkIntegrity(findings, cancelled);
            return null;
        });
        Thread.ofPlatform().daemon().name("verify-catalog-integrity").start(integrity);
        long rows = 0;
        if (!cancelled.getAsBoolean()) {
            checkManifestOwners(findings);
        }
        if (!cancelled.getAsBoolean()) {
            rows += checkBlobIndex(packs, findings);
        }
        if (!cancelled.getAsBoolean()) {
            rows += checkReferencedObjects(packs, findings);
        }
        if (!cancelled.getAsBoolean()) {
            checkPaths(findings);
        }
        try {
            integrity.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return rows;
    }

    private void checkIntegrity(Consumer<Finding> findings, BooleanSupplier cancelled) {
        try (Catalog second = Catalog.open(catalog.file().getParent()).orElseThrow(() -> new StoreException(ProblemKind.UNREADABLE,
                catalog.file(), StoreException.NO_OFFSET, "the catalog cannot be opened a second time for its integrity check"))) {
            for (String problem : second.integrityProblems(INTEGRITY_PROBLEMS_SHOWN, cancelled)) {
                findings.accept(finding(ProblemKind.UNREADABLE, "SQLite's integrity check: " + problem));
            }
        } catch (StoreException e) {
            findings.accept(Finding.of(e));
        }
    }

    /** A metadata-only snapshot whose manifest_snapshot_id leads nowhere (or round in a loop) cannot be restored. */
    private void checkManifestOwners(Consumer<Finding> findings) throws StoreException {
        for (Snapshot s : catalog.snapshots()) {
            try {
                catalog.manifestOwner(s);
            } catch (StoreException e) {
                findings.accept(Finding.of(e));
            }
        }
    }

    private long checkBlobIndex(PackSet packs, Consumer<Finding> findings) throws StoreException {
        return catalog.forEachBlob(row -> {
            if (row.blob() == null) {
                findings.accept(finding(ProblemKind.UNSUPPORTED_ENTRY, row.problem()));
                return;
            }
            List<ObjectLocation> at = packs.locateAll(row.blob());
            if (row.packHash() == null) {
                if (at.isEmpty()) {
                    findings.accept(finding(ProblemKind.OBJECT_NOT_FOUND, "blob_index lists object " + row.blob() + ", which is in no readable pack")
                            .withPlace(null, row.blob(), null, null));
                }
            } else if (at.stream().noneMatch(l -> l.pack().name().equals(row.packHash()))) {
                findings.accept(finding(ProblemKind.OBJECT_NOT_FOUND, "blob_index says pack " + row.packHash() + " holds object " + row.blob()
                        + ", but " + packState(packs, row.packHash()) + (at.isEmpty() ? "" : " (it is in pack " + at.getFirst().pack().name() + ")"))
                        .withPlace(at.isEmpty() ? row.packHash() : null, at.isEmpty() ? row.blob() : null, null, null));
            }
        });
    }

    private long checkReferencedObjects(PackSet packs, Consumer<Finding> findings) throws StoreException {
        return catalog.forEachReferencedBlob(ref -> {
            byte[] hash = ref.hash();
            if (hash == null || hash.length != ObjectId.BYTES) {
                findings.accept(finding(ProblemKind.UNSUPPORTED_ENTRY, ref.usedBy() + " has an object id of " + (hash == null ? 0 : hash.length)
                        + " bytes").withPlace(null, null, snapshotOf(ref.usedBy()), pathOf(ref.usedBy())));
                return;
            }
            ObjectId id = ObjectId.fromBytes(hash, 0);
            if (packs.locate(id).isEmpty()) {
                findings.accept(finding(ProblemKind.OBJECT_NOT_FOUND, "object " + id + " (used by " + ref.usedBy() + ") is in no readable pack")
                        .withPlace(null, id, null, null));
            }
            if (ref.sizeProblem() != null) {
                findings.accept(finding(ProblemKind.SIZE_MISMATCH, "object " + id + " (used by " + ref.usedBy() + "): " + ref.sizeProblem()
                        + "; restore checks each file against the size its row gives").withPlace(null, id, snapshotOf(ref.usedBy()),
                                pathOf(ref.usedBy())));
            }
        });
    }

    private void checkPaths(Consumer<Finding> findings) throws StoreException {
        var links = new java.util.HashSet<String>();
        String[] current = {null};
        catalog.forEachPath(row -> {
            if (!row.snapshotId().equals(current[0])) {
                current[0] = row.snapshotId();
                links.clear();
            }
            String problem = SafePaths.problem(row.path());
            if (problem == null) {
                problem = beneathLink(row.path(), links);
            }
            if (problem != null) {
                findings.accept(finding(ProblemKind.UNSAFE_PATH, "snapshot " + row.snapshotId() + " lists '" + row.path() + "': " + problem
                        + "; restore will refuse it").withPlace(null, null, row.snapshotId(), row.path()));
            }
            String unsupported = new RestoreItem(row.path(), null, -1, row.mode(), null).unsupportedType();
            if (unsupported != null) {
                findings.accept(finding(ProblemKind.UNSUPPORTED_ENTRY, "snapshot " + row.snapshotId() + " lists '" + row.path() + "': "
                        + unsupported).withPlace(null, null, row.snapshotId(), row.path()));
            }
            if ((row.mode() & RestoreItem.TYPE_MASK) == RestoreItem.SYMLINK) {
                links.add(row.path());
            }
        });
    }

    @Override
    public void forEachUse(java.util.Collection<ObjectId> ids, VerifyCauses.UseAction action) throws IOException {
        catalog.forEachManifestRowUsing(ids, (snapshot, entry) -> {
            if (entry.blob() != null) {
                action.accept(entry.objectId(), snapshot, entry.path());
            }
        }, () -> false);
    }

    /** {@code where} is chkpt's {@code snapshot_id:path}; snapshot ids (UUIDs) hold no colon. */
    private static String snapshotOf(String where) {
        int colon = where.indexOf(':');
        return colon < 0 ? null : where.substring(0, colon);
    }

    private static String pathOf(String where) {
        int colon = where.indexOf(':');
        return colon < 0 ? null : where.substring(colon + 1);
    }

    /** Rows come sorted by path, so a link is always seen before the entries beneath it. */
    private static String beneathLink(String path, java.util.Set<String> links) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (links.contains(path.substring(0, slash))) {
                return "it lies beneath the symlink '" + path.substring(0, slash) + "' of the same snapshot, which a scan never records";
            }
        }
        return null;
    }

    private static String packState(PackSet packs, String name) {
        for (PackStatus p : packs.packs()) {
            if (p.name().equals(name)) {
                return p.readable() ? "it does not" : "that pack is " + p.state().label();
            }
        }
        return "there is no such pack";
    }

    private Finding finding(ProblemKind kind, String message) {
        return new Finding(kind, catalog.file(), -1, catalog.file() + ": " + message);
    }
}
