package org.waferscope.engine.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breakpoints as one line of text: what the command line's {@code run --break} takes and
 * what preferences store. The forms ({@code @X,Y} limits one to a PE):
 * <pre>
 *   FILE:LINE[@X,Y][ if COND][ hit N]     a source line ("line:" in front is allowed)
 *   task[:ID][@X,Y]                       a task starting
 *   wavelet:COLOR[@X,Y]                   a wavelet of a color arriving
 *   write:SYMBOL[@X,Y][ if COND]          an SRAM symbol written (COND like "&gt; 3" or "[2] == 0")
 *   queue-full[@X,Y]                      a CE queue becoming full
 *   host-step:N                           the host reaching its N-th step
 *   cycle:N                               the run reaching cycle N
 * </pre>
 */
public final class BreakSpec {
    private static final Pattern AT = Pattern.compile("@\\s*(\\d+)\\s*,\\s*(\\d+)\\s*$");
    private static final Pattern HIT = Pattern.compile("\\s+hit\\s+(\\d+)\\s*$");

    private BreakSpec() {
    }

    /**
     * Reads one breakpoint.
     *
     * @throws IllegalArgumentException saying which form was expected
     */
    public static Breakpoint parse(String text) {
        String s = text.trim();
        long hit = 0;
        Matcher h = HIT.matcher(s);
        if (h.find()) {
            hit = Long.parseLong(h.group(1));
            s = s.substring(0, h.start());
        }
        String cond = "";
        int ifAt = s.indexOf(" if ");
        if (ifAt >= 0) {
            cond = s.substring(ifAt + 4).trim();
            s = s.substring(0, ifAt).trim();
        }
        Breakpoint.Pe pe = null;
        Matcher at = AT.matcher(s);
        if (at.find()) {
            pe = new Breakpoint.Pe(Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
            s = s.substring(0, at.start()).trim();
        }
        String[] parts = s.split(":", -1);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (kind) {
                case "task":
                    return new Breakpoint.TaskStart(parts.length > 1 ? atLeast(0, parts[1], text) : -1, pe);
                case "wavelet":
                    return new Breakpoint.WaveletArrives(atLeast(0, parts[1], text), pe);
                case "write":
                    checkCondition(cond, parts[1].trim());
                    return new Breakpoint.SymbolWritten(parts[1].trim(), pe, cond);
                case "queue-full":
                    return new Breakpoint.QueueFull(pe);
                case "host-step":
                    return new Breakpoint.HostStep(atLeast(1, parts[1], text));
                case "cycle":
                    long c = Long.parseLong(parts[1].trim().replace(",", "").replace("_", ""));
                    if (c < 0) {
                        throw new IllegalArgumentException("a cycle is 0 or more, found '" + text.trim() + "'");
                    }
                    return new Breakpoint.AtCycle(c);
                default:
                    break;
            }
            int from = kind.equals("line") ? 1 : 0;
            if (parts.length - from == 2 && !parts[from].isBlank()) {
                checkCondition(cond, null);
                return new Breakpoint.Line(parts[from].trim(), atLeast(1, parts[from + 1], text), pe, cond, hit);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw expected(text);
        }
        throw expected(text);
    }

    /** A number that cannot be below {@code min} (a line, a host step from 1; a task, a color from 0). */
    private static int atLeast(int min, String number, String text) {
        int n = Integer.parseInt(number.trim());
        if (n < min) {
            throw new IllegalArgumentException("expected a number from " + min + ", found " + n + " in '" + text.trim() + "'");
        }
        return n;
    }

    private static void checkCondition(String cond, String symbol) {
        if (!cond.isEmpty()) {
            BreakCondition.parse(cond, symbol);
        }
    }

    private static IllegalArgumentException expected(String text) {
        return new IllegalArgumentException("expected FILE:LINE, task[:ID], wavelet:COLOR, write:SYMBOL, queue-full, "
                + "host-step:N or cycle:N (each but the last two may end in @X,Y), found '" + text.trim() + "'");
    }

    /** The text {@link #parse} reads back as {@code b}. */
    public static String format(Breakpoint b) {
        String on = b.pe() == null ? "" : "@" + b.pe().x() + "," + b.pe().y();
        if (b instanceof Breakpoint.Line l) {
            return l.file() + ":" + l.line() + on + (l.condition().isBlank() ? "" : " if " + l.condition())
                    + (l.hitCount() > 0 ? " hit " + l.hitCount() : "");
        } else if (b instanceof Breakpoint.TaskStart t) {
            return "task" + (t.task() < 0 ? "" : ":" + t.task()) + on;
        } else if (b instanceof Breakpoint.WaveletArrives w) {
            return "wavelet:" + w.color() + on;
        } else if (b instanceof Breakpoint.SymbolWritten s) {
            return "write:" + s.symbol() + on + (s.condition().isBlank() ? "" : " if " + s.condition());
        } else if (b instanceof Breakpoint.QueueFull) {
            return "queue-full" + on;
        } else if (b instanceof Breakpoint.HostStep hs) {
            return "host-step:" + hs.step();
        }
        return "cycle:" + ((Breakpoint.AtCycle) b).cycle();
    }
}
