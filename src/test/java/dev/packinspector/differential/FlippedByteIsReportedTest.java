package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.StoreFingerprint;
import dev.packinspector.differential.DifferentialSettings.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One byte flipped at a random place in a pack file ({@code .dat}, part, parts manifest,
 * {@code .idx}) or the catalog of a copy of a store the real chkpt wrote is either reported
 * (verify has a finding or stops with a typed error) or proven harmless (every snapshot still
 * restores exactly). The places come from the case's seed; chkpt's ids and times are new each run,
 * so a failing flip's damaged copy is kept under {@code target/differential-failures/}. The
 * original store is never changed.
 */
@ExtendWith(RealStoresExtension.class)
class FlippedByteIsReportedTest {

    static List<Case> cases() {
        return RealStores.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFlipIsReportedOrHarmless(Case c, RealStores stores, @TempDir Path tmp) throws Exception {
        RealStore s = stores.get(c);
        var before = StoreFingerprint.of(s.store());
        var random = new SplittableRandom(c.seed() * 1_000_003L + c.writer().toString().hashCode());
        var failures = new ArrayList<String>();
        for (int i = 0; i < stores.settings().flips(); i++) {
            ByteFlip flip = ByteFlip.random(s.store(), random);
            Path copy = StoreFingerprint.copy(s.store(), tmp.resolve("flip-" + i));
            flip.applyTo(copy);
            FlipJudge.Outcome outcome = FlipJudge.judge(s, flip, copy, Files.createDirectory(tmp.resolve("scratch-" + i)));
            System.out.printf("%s: %s: %s: %s%n", c, flip, outcome.verdict(), outcome.detail());
            if (!outcome.acceptable()) {
                Path kept = keep(copy, c, i);
                failures.add(flip + ": " + outcome.verdict() + ": " + outcome.detail() + "\n    the damaged copy is kept in " + kept);
            }
            Workspace.deleteTree(copy);
        }
        assertEquals(before, StoreFingerprint.of(s.store()), "the original store is untouched");
        assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
    }

    /** chkpt's ids and times differ run to run, so a failing flip is only repeatable on the copy it damaged: keep it. */
    private static Path keep(Path copy, Case c, int flip) throws java.io.IOException {
        Path dir = Path.of("target", "differential-failures", "seed-" + c.seed() + "-" + c.writer().toString().replaceAll("[^A-Za-z0-9]+", "-")
                + "-flip-" + flip).toAbsolutePath();
        Workspace.deleteTree(dir);
        return StoreFingerprint.copy(copy, dir);
    }
}
