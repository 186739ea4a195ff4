package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.tree.TreeFile;
import dev.packinspector.store.tree.TreeStore;
import dev.packinspector.store.tree.TreeWalk;
import java.io.IOException;
import java.math.BigInteger;
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
                "Exit code 3 if the snapshot has no root tree or a tree is missing or damaged.");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
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
