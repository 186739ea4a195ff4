package dev.packinspector.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query rules, and the SQLite GLOB a query narrows a catalog scan with: never narrower than the query. */
class PathQueryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            readme          | docs/README.md           | true
            README          | docs/readme.md           | false
            *.md            | docs/guide/intro.md      | true
            *.md            | docs.md/x                | false
            src/*.rs        | src/a/b.rs               | false
            src/**/*.rs     | src/a/b.rs               | true
            src/**/*.rs     | src/b.rs                 | true
            **/test_?.py    | a/b/test_1.py            | true
            [!a]*.txt       | b.txt                    | true
            [!a]*.txt       | a.txt                    | false
            file[12].txt    | x/file2.txt              | true
            """)
    void matchesAsDocumented(String query, String path, boolean matches) {
        assertThat(PathQuery.of(query).matches(path)).as(query + " ~ " + path).isEqualTo(matches);
    }

    @Test
    void theSqliteGlobMatchesEveryPathTheQueryMatches() throws Exception {
        var random = new Random(11);
        String[] pieces = {"a", "A", "b", "k", "\u212A", "i", "\u0130", "/", ".", "é", "É", "😀", "[", "]", "*", "?", "-", "z", "rs", "md"};
        String[] queries = {"a", "A", "k", "i", "ab", "a/b", "*.md", "*.rs", "**/a*", "a?b", "[ab]*", "[!a]k", "**/*i*", "*[", "b]", "é",
            "a*/**/b", "K", "?", "*", "a?b", "??"};
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement glob = db.prepareStatement("SELECT ? GLOB ?")) {
            int checked = 0;
            for (int n = 0; n < 20_000; n++) {
                var path = new StringBuilder();
                int length = 1 + random.nextInt(8);
                for (int j = 0; j < length; j++) {
                    path.append(pieces[random.nextInt(pieces.length)]);
                }
                PathQuery query = PathQuery.of(queries[random.nextInt(queries.length)]);
                String pattern = query.sqliteGlobSuperset();
                if (pattern == null || !query.matches(path.toString())) {
                    continue;
                }
                glob.setString(1, path.toString());
                glob.setString(2, pattern);
                try (ResultSet rs = glob.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("'%s' matches %s, so GLOB %s must", path, query, pattern).isEqualTo(1);
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(1_000);
            // the cases random paths rarely hit: characters outside the BMP, and the two that fold into ASCII
            for (String[] pair : List.of(new String[] {"?", "😀"}, new String[] {"a?b", "x/a😀b"}, new String[] {"[!a]", "😀"}, new String[] {"k", "\u212A".translateEscapes()},
                    new String[] {"i", "\u0130".translateEscapes()})) {
                PathQuery query = PathQuery.of(pair[0]);
                assertThat(query.matches(pair[1])).as(pair[0] + " ~ " + pair[1]).isTrue();
                glob.setString(1, pair[1]);
                glob.setString(2, query.sqliteGlobSuperset());
                try (ResultSet rs = glob.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("GLOB %s must match %s", query.sqliteGlobSuperset(), pair[1]).isEqualTo(1);
                }
            }
            for (String path : List.of("a[1]*?.txt", "plain/path.md", "😀/é")) {
                glob.setString(1, path);
                glob.setString(2, PathQuery.sqliteGlobExactly(path));
                try (ResultSet rs = glob.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(path).isEqualTo(1);
                }
            }
        }
        assertThat(PathQuery.of("é").sqliteGlobSuperset()).as("ignoring case beyond ASCII: no narrowing").isNull();
        assertThat(PathQuery.of("É").sqliteGlobSuperset()).isEqualTo("*É*");
    }
}
