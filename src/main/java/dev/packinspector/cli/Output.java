package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writers over standard output that never close it. */
final class Output {
    private static final JsonFactory JSON = new JsonFactory();

    private Output() {
    }

    static Writer text(OutputStream stdout) {
        return new BufferedWriter(new OutputStreamWriter(unclosable(stdout), StandardCharsets.UTF_8), 1 << 16);
    }

    static JsonGenerator json(OutputStream stdout) throws IOException {
        return JSON.createGenerator(unclosable(stdout), JsonEncoding.UTF8).useDefaultPrettyPrinter();
    }

    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
