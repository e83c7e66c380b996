package org.waferscope.engine.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.ir.SourcePos;

/**
 * Line and column of every member of a small JSON file, by JSON pointer
 * ({@code /model/layers/1/units}), so that a value found wrong after parsing is reported
 * where it is written. A member is placed at its key.
 */
final class JsonPositions {
    private final String file;
    private final Map<String, SourcePos> at = new HashMap<>();

    JsonPositions(String file, String text, JsonFactory factory) {
        this.file = file;
        try (JsonParser p = factory.createParser(text)) {
            scan(p);
        } catch (IOException e) {
            // the strict read reports the syntax error itself
        }
    }

    private void scan(JsonParser p) throws IOException {
        List<String> path = new ArrayList<>();
        List<Integer> nextIndex = new ArrayList<>();   // -1 inside an object
        String field = null;
        JsonLocation fieldLoc = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
                fieldLoc = p.currentTokenLocation();
                continue;
            }
            if (t.isStructEnd()) {
                path.remove(path.size() - 1);
                nextIndex.remove(nextIndex.size() - 1);
                continue;
            }
            String key = "";
            JsonLocation loc = p.currentTokenLocation();
            if (field != null) {
                key = field;
                loc = fieldLoc;
                field = null;
            } else if (!nextIndex.isEmpty() && nextIndex.get(nextIndex.size() - 1) >= 0) {
                int i = nextIndex.get(nextIndex.size() - 1);
                nextIndex.set(nextIndex.size() - 1, i + 1);
                key = Integer.toString(i);
            }
            String pointer = path.isEmpty() ? "" : path.get(path.size() - 1) + "/" + key;
            at.put(pointer, new SourcePos(file, loc.getLineNr(), loc.getColumnNr()));
            if (t.isStructStart()) {
                path.add(pointer);
                nextIndex.add(t == JsonToken.START_ARRAY ? 0 : -1);
            }
        }
    }

    /** Where the member at {@code pointer} is, or its nearest enclosing member. */
    SourcePos of(String pointer) {
        String p = pointer;
        while (true) {
            SourcePos s = at.get(p);
            if (s != null) {
                return s;
            }
            if (p.isEmpty()) {
                return new SourcePos(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
