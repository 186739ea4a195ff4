package dev.packinspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The POM's version is the one the program reports: the build records it, nothing else writes it. */
class VersionTest {
    private static String pomVersion;

    @BeforeAll
    static void readThePom() throws Exception {
        // the test runs in the project folder (Maven's basedir)
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        pomVersion = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom).strip();
    }

    @Test
    void theBuildRecordsThePomsVersion() {
        assertEquals(pomVersion, Version.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "ls --version", "restore -V"})
    void versionPrintsThePomsVersion(String args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.split(" "));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertEquals("Pack Inspector " + pomVersion + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }
}
