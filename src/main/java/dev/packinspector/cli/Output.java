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

    /** Writes one JSON value. */
    interface JsonValue {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes the fields of the object that stands for {@code item}. */
    interface JsonFields<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** One JSON document on standard output, ended by a newline. */
    static void json(OutputStream stdout, JsonValue document) throws IOException {
        try (JsonGenerator g = json(stdout)) {
            document.write(g);
            g.writeRaw('\n');
        }
    }

    /** A JSON array on standard output with an object per item, whose fields {@code fields} writes. */
    static <T> void jsonArray(OutputStream stdout, Iterable<? extends T> items, JsonFields<T> fields) throws IOException {
        json(stdout, g -> {
            g.writeStartArray();
            for (T item : items) {
                g.writeStartObject();
                fields.write(g, item);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
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
