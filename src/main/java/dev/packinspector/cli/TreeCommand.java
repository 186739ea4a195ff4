package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyTree;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreeFile;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.store.tree.TreeWalk;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

final class TreeCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final SnapshotArgument snapshot = add(new SnapshotArgument());

    private final PositionalParamSpec pathParameter = add(Arguments.optionalParameter("2", "PATH", String.class,
            "only this file, or everything in this folder"));

    private final OutputFormat format = add(OutputFormat.jsonArray());

    TreeCommand() {
        super("tree", "A snapshot's files as its trees in trees/ list them (not the catalog's manifest): mode (octal), size, id,"
                        + " path. Tab-separated, sorted by path, as 'files' prints the manifest.",
                "Exit code 3 if the snapshot has no root tree or a tree is missing or damaged.",
                "Of a store of chkpt 0.1.x, whose trees are its only list of files, the same lines as 'files' (ids are BLAKE3, 64 hex digits).");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            return legacy(LegacyStore.open(at));
        }
        Snapshot chosen = snapshot.in(store);
        ObjectId rootTree = rootTreeOf(chosen);
        List<TreeFile> files;
        try (TreeStore trees = store.trees()) {
            var walk = new TreeWalk(trees);
            String path = Arguments.value(pathParameter);
            files = path == null ? walk.files(rootTree) : beneath(walk, rootTree, chosen, path);
        }
        if (format.isJson()) {
            writeJson(files);
        } else {
            try (Records out = format.records(stdout())) {
                for (TreeFile f : files) {
                    out.write(Integer.toOctalString(f.mode()) + '\t' + Long.toUnsignedString(f.size()) + '\t' + f.id().toHex() + '\t'
                            + out.path(f.path()));
                }
            }
        }
        return Cli.OK;
    }

    /**
     * The walk of a snapshot of a store of chkpt 0.1.x, which has only trees to list its files:
     * what 'files' prints, at or beneath PATH. A tree that cannot be read is named on stderr (exit 3).
     */
    private int legacy(LegacyStore legacy) throws Exception {
        LegacyWalk.Files walked = new LegacyWalk(legacy).of(snapshot.in(legacy));
        List<LegacyWalk.File> files = walked.files();
        String path = Arguments.value(pathParameter);
        if (path != null) {
            files = List.of();
            for (String reading : PathText.readings(path)) {
                var found = walked.files().stream().filter(f -> f.path().equals(reading) || f.path().startsWith(reading + "/")).toList();
                if (!found.isEmpty()) {
                    files = found;
                    break;
                }
            }
            if (files.isEmpty() && walked.problems().isEmpty()) {
                throw new UsageException("snapshot " + snapshot.reference() + " has no file or folder '" + PathText.oneLine(path) + "'");
            }
        }
        if (format.isJson()) {
            Output.jsonArray(stdout(), files, (g, f) -> {
                g.writeStringField("path", f.path());
                g.writeStringField("type", f.kind() == LegacyTree.Kind.LINK ? "symlink" : "file");
                g.writeStringField("id", f.object().toHex());
                g.writeNumberField("size", f.size());
                g.writeStringField("mode", Integer.toOctalString(f.mode()));
            });
        } else {
            FilesCommand.writeLegacy(format, stdout(), files);
        }
        FilesCommand.reportLegacy(walked, stderr());
        return walked.problems().isEmpty() ? Cli.OK : Cli.UNREADABLE;
    }

    /** The files at or beneath PATH, given as stored or quoted as the listings print it. */
    private static List<TreeFile> beneath(TreeWalk walk, ObjectId rootTree, Snapshot chosen, String path) throws StoreException {
        for (String reading : PathText.readings(path)) {
            var found = walk.files(rootTree, reading);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new UsageException("snapshot " + chosen.id() + " has no file or folder '" + PathText.oneLine(path) + "'");
    }

    private ObjectId rootTreeOf(Snapshot s) throws StoreException {
        if (s.rootTree() != null) {
            return s.rootTree();
        }
        String why = s.rootTreeProblem() != null ? s.rootTreeProblem()
                : "root_tree_hash is NULL (written before chkpt kept trees, or by a tool that does not)";
        throw new StoreException(ProblemKind.TREE_MISSING, store.path(), StoreException.NO_OFFSET, "snapshot " + s.id() + " has no root tree: " + why
                        + "; 'files' lists its manifest");
    }

    private void writeJson(List<TreeFile> files) throws IOException {
        Output.jsonArray(stdout(), files, (g, f) -> {
            g.writeStringField("path", f.path());
            g.writeStringField("type", f.kind().label());
            g.writeStringField("id", f.id().toHex());
            if (f.size() >= 0) {
                g.writeNumberField("size", f.size());
            } else {
                g.writeNumberField("size", new BigInteger(Long.toUnsignedString(f.size())));
            }
            g.writeStringField("mode", Integer.toOctalString(f.mode()));
        });
    }
}
