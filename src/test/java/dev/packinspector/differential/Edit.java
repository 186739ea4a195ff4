package dev.packinspector.differential;

/** One change a generated scenario makes to its workspace between two saves. Paths are relative and '/'-separated. */
sealed interface Edit {
    /** Creates or replaces a file (a file or link already at the path is removed first), with these permission bits. */
    record Write(String path, byte[] content, int mode) implements Edit {
        @Override
        public String toString() {
            return "write " + Shown.path(path) + " (" + content.length + " bytes, " + Integer.toOctalString(mode) + ")";
        }
    }

    /** Creates or replaces a symlink (a file or link already at the path is removed first). */
    record Link(String path, String target) implements Edit {
        @Override
        public String toString() {
            return "symlink " + Shown.path(path) + " -> " + Shown.path(target);
        }
    }

    /** Creates an empty folder, which chkpt does not store. */
    record Mkdir(String path) implements Edit {
        @Override
        public String toString() {
            return "mkdir " + Shown.path(path);
        }
    }

    /** Removes a file, a link, or a folder with everything in it. */
    record Delete(String path) implements Edit {
        @Override
        public String toString() {
            return "delete " + Shown.path(path);
        }
    }

    /** Moves a file or link to a new path; its content and mtime go with it. */
    record Rename(String from, String to) implements Edit {
        @Override
        public String toString() {
            return "rename " + Shown.path(from) + " -> " + Shown.path(to);
        }
    }

    /** Changes only the permission bits; the mtime stays, so chkpt sees the mode change alone. */
    record Chmod(String path, int mode) implements Edit {
        @Override
        public String toString() {
            return "chmod " + Integer.toOctalString(mode) + " " + Shown.path(path);
        }
    }
}
