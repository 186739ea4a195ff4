package dev.packinspector.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the user names is written under a temp name and renamed into place, with a plain new file's mode. */
class SavedFilesTest {
    @Test
    void aSavedFileHasTheModeOfAPlainNewFileAndNoTempFileIsLeft(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.csv");
        SavedFiles.write(plan, out -> out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8)));
        var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertThat(Files.getPosixFilePermissions(plan)).isEqualTo(plain);
        assertThat(Files.readString(plan)).isEqualTo("a,b\r\n");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("plain", "plan.csv");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.csv"), "old");
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> SavedFiles.write(plan, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(plan)).isEqualTo("old");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("plan.csv");
    }
}
