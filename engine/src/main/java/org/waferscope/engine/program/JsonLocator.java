package org.waferscope.engine.program;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.waferscope.engine.ir.SourcePos;

/**
 * Finds where in run.json a value is, by its JSON pointer ({@code /steps/2/copy_in/rect}),
 * so that errors found after parsing still carry a line and column. Elements of long
 * number lists are not recorded one by one.
 */
final class JsonLocator {
    private static final int MAX_ENTRIES = 20_000;

    private final String file;
    private final Map<String, int[]> where = new HashMap<>();

    JsonLocator(String file, String text, JsonFactory factory) {
        this.file = file;
        try (JsonParser p = factory.createParser(text)) {
            walk(p);
        } catch (IOException | RuntimeException e) {
            // The strict parse reports syntax errors; positions found so far still help.
        }
    }

    private void walk(JsonParser p) throws IOException {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> index = new ArrayDeque<>();
        String pendingField = null;
        JsonLocation fieldAt = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME) {
                pendingField = p.currentName();
                fieldAt = p.currentTokenLocation();
                continue;
            }
            // A member is located at its key, so messages point where the reader looks.
            JsonLocation loc = pendingField != null ? fieldAt : p.currentTokenLocation();
            String key;
            if (pendingField != null) {
                key = pendingField;
                pendingField = null;
            } else if (!index.isEmpty() && t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
                key = Integer.toString(index.peek()[0]++);
            } else {
                key = null;
            }
            if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                path.pop();
                index.pop();
                continue;
            }
            String pointer = (path.isEmpty() ? "" : path.peek()) + (key == null ? "" : "/" + escape(key));
            if (where.size() < MAX_ENTRIES) {
                where.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                path.push(pointer);
                index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                if (t == JsonToken.START_OBJECT) {
                    index.peek()[0] = Integer.MIN_VALUE;
                }
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The position of the value at {@code pointer}, or of its nearest recorded ancestor. */
    SourcePos at(String pointer) {
        String p = pointer;
        while (true) {
            int[] lc = where.get(p);
            if (lc != null) {
                return new SourcePos(file, lc[0], lc[1]);
            }
            if (p.isEmpty()) {
                return new SourcePos(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
