package org.waferscope.engine.program;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * A program folder's file read as UTF-8 text. A lenient decode turns a byte that is not UTF-8
 * into U+FFFD, which the lexer then called an "unexpected character U+FFFD", a character that
 * is not in the file; the byte itself is named instead, where it is.
 */
final class SourceBytes {
    private SourceBytes() {
    }

    /**
     * The text of {@code bytes}, the file {@code name}.
     *
     * @throws CslError at the first byte that is not UTF-8 (line and column as the lexer counts them)
     */
    static String text(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new CslError(at(name, out.flip()), said(bytes, in.position(), r.length()));
        }
        return out.flip().toString();
    }

    private static SourcePos at(String name, CharSequence before) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePos(name, line, column);
    }

    private static String said(byte[] bytes, int from, int length) {
        StringBuilder s = new StringBuilder(length == 1 ? "byte" : "bytes");
        for (int i = from; i < from + length; i++) {
            s.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return s + (length == 1 ? " is" : " are") + " not UTF-8 text (save the file as UTF-8)";
    }
}
