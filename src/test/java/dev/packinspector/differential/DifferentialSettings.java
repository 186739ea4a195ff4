package dev.packinspector.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * How much the differential tests do. The defaults keep them to well under two minutes inside
 * {@code ./mvnw verify}; system properties scale them up (README, "Differential tests"):
 * {@code differential.seeds} (how many seeds, default 3), {@code differential.seed} (the first,
 * default 1), {@code differential.files} (files and links in a first save, default 40),
 * {@code differential.saves} (saves per workspace, default 4), {@code differential.flips} (byte
 * flips per store, default 3), {@code differential.keep} (keep the generated stores and print
 * where, default false).
 */
record DifferentialSettings(long firstSeed, int seeds, int files, int saves, int flips, boolean keep) {

    static DifferentialSettings fromSystemProperties() {
        return new DifferentialSettings(Long.getLong("differential.seed", 1), Integer.getInteger("differential.seeds", 3),
                Integer.getInteger("differential.files", 40), Integer.getInteger("differential.saves", 4),
                Integer.getInteger("differential.flips", 3), Boolean.getBoolean("differential.keep"));
    }

    /** One generated store: a seed's scenario written by one writer. */
    record Case(long seed, RealWriter writer) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + writer;
        }
    }

    /** Every seed with every writer. */
    List<Case> cases() {
        var out = new ArrayList<Case>();
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            for (RealWriter w : RealWriter.forSeed(s)) {
                out.add(new Case(s, w));
            }
        }
        return out;
    }
}
