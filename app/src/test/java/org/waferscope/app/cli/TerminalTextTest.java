package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A size reads "5 × 1" where the terminal can show ×, and "5 x 1", not "5 ? 1", where it cannot (LANG=C). */
class TerminalTextTest {
    @Test
    void theTimesSignIsTheLetterWhereTheEncodingHasNone() {
        assertEquals("Broadcast chain on a 5 x 1 wse2 fabric\n", written(StandardCharsets.US_ASCII));
        assertEquals("Broadcast chain on a 5 × 1 wse2 fabric\n", written(StandardCharsets.UTF_8));
    }

    private static String written(java.nio.charset.Charset encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = TerminalText.writer(bytes, encoding);
        out.print("Broadcast chain on a 5 ");
        out.print('×');
        out.printf(" %d wse2 fabric\n", 1);
        out.flush();
        return bytes.toString(encoding);
    }
}
