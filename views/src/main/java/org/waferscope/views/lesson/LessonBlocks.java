package org.waferscope.views.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits lesson text into blocks: {@code #} headings, {@code -}/{@code *} bullets (lines
 * indented by less than four spaces continue a bullet), code indented by four spaces or
 * fenced, and paragraphs
 * (consecutive lines joined). A short line on its own with no closing punctuation reads as
 * a heading, as lessons written in plain text use them ("What to watch"). Enough of
 * Markdown for lesson text; anything else reads as a paragraph.
 */
public final class LessonBlocks {
    public enum Kind { HEADING, BULLET, CODE, PARAGRAPH }

    public record Block(Kind kind, String text) {
    }

    private static final int SHORT_HEADING = 40;

    private LessonBlocks() {
    }

    public static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        StringBuilder code = null;
        StringBuilder bullet = null;
        int paraLines = 0;
        for (String raw : (text == null ? "" : text).split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                bullet = flushBullet(out, bullet);
                paraLines = flush(out, para, paraLines);
                if (code == null) {
                    code = new StringBuilder();
                } else {
                    out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
                    code = null;
                }
            } else if (code != null) {
                code.append(raw).append('\n');
            } else if (line.isEmpty()) {
                bullet = flushBullet(out, bullet);
                paraLines = flush(out, para, paraLines);
            } else if (line.startsWith("#")) {
                bullet = flushBullet(out, bullet);
                paraLines = flush(out, para, paraLines);
                out.add(new Block(Kind.HEADING, line.replaceFirst("^#+\\s*", "")));
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                bullet = flushBullet(out, bullet);
                paraLines = flush(out, para, paraLines);
                bullet = new StringBuilder(line.substring(2).strip());
            } else if (raw.startsWith("    ")) {
                bullet = flushBullet(out, bullet);
                paraLines = flush(out, para, paraLines);
                out.add(new Block(Kind.CODE, raw.substring(4)));
            } else if (bullet != null && Character.isWhitespace(raw.charAt(0))) {
                bullet.append(' ').append(line);
            } else {
                bullet = flushBullet(out, bullet);
                para.append(para.length() > 0 ? " " : "").append(line);
                paraLines++;
            }
        }
        if (code != null) {
            out.add(new Block(Kind.CODE, code.toString().stripTrailing()));
        }
        flushBullet(out, bullet);
        flush(out, para, paraLines);
        return out;
    }

    private static StringBuilder flushBullet(List<Block> out, StringBuilder bullet) {
        if (bullet != null) {
            out.add(new Block(Kind.BULLET, bullet.toString()));
        }
        return null;
    }

    private static int flush(List<Block> out, StringBuilder para, int lines) {
        if (para.length() > 0) {
            String t = para.toString();
            boolean heading = lines == 1 && t.length() <= SHORT_HEADING && !t.matches(".*[.,:;!?)]$");
            out.add(new Block(heading ? Kind.HEADING : Kind.PARAGRAPH, t));
            para.setLength(0);
        }
        return 0;
    }
}
