package org.waferscope.views.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits lesson text into blocks: {@code #} headings, {@code -}/{@code *} bullets,
 * indented or fenced code, and paragraphs (consecutive lines joined). Enough of Markdown
 * for lesson text; anything else reads as a paragraph.
 */
public final class LessonBlocks {
    public enum Kind { HEADING, BULLET, CODE, PARAGRAPH }

    public record Block(Kind kind, String text) {
    }

    private LessonBlocks() {
    }

    public static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        StringBuilder code = null;
        for (String raw : (text == null ? "" : text).split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                flush(out, para);
                if (code == null) {
                    code = new StringBuilder();
                } else {
                    out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
                    code = null;
                }
            } else if (code != null) {
                code.append(raw).append('\n');
            } else if (line.isEmpty()) {
                flush(out, para);
            } else if (line.startsWith("#")) {
                flush(out, para);
                out.add(new Block(Kind.HEADING, line.replaceFirst("^#+\\s*", "")));
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                flush(out, para);
                out.add(new Block(Kind.BULLET, line.substring(2).strip()));
            } else if (raw.startsWith("    ")) {
                flush(out, para);
                out.add(new Block(Kind.CODE, raw.substring(4)));
            } else {
                para.append(para.length() > 0 ? " " : "").append(line);
            }
        }
        if (code != null) {
            out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
        }
        flush(out, para);
        return out;
    }

    private static void flush(List<Block> out, StringBuilder para) {
        if (para.length() > 0) {
            out.add(new Block(Kind.PARAGRAPH, para.toString()));
            para.setLength(0);
        }
    }
}
