package org.waferscope.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * The command line's words on a standard stream, in the encoding the stream is written in.
 * Sizes are written as the window writes them, "5 × 1"; a terminal whose encoding has no ×
 * (LANG=C) would show "5 ? 1", so there the sign is the letter, "5 x 1".
 */
final class TerminalText {
    private TerminalText() {
    }

    static PrintWriter writer(OutputStream stream, Charset encoding) {
        Writer text = new OutputStreamWriter(stream, encoding);
        if (!encoding.newEncoder().canEncode('×')) {
            text = new TimesAsLetter(text);
        }
        return new PrintWriter(text, true);
    }

    private static final class TimesAsLetter extends FilterWriter {
        TimesAsLetter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c == '×' ? 'x' : c);
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            out.write(new String(chars, off, len).replace('×', 'x'));
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            out.write(s.substring(off, off + len).replace('×', 'x'));
        }
    }
}
