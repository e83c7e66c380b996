package org.waferscope.engine.program;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * Reads a Matrix Market file in coordinate form (NIST's exchange format, the one sparse
 * matrix collections publish in) into a dense host matrix of shape (rows, columns).
 *
 * <p>The format, as its public description gives it: a banner line
 * {@code %%MatrixMarket matrix coordinate FIELD SYMMETRY}, then comment lines starting with
 * {@code %} (blank lines allowed), a size line {@code ROWS COLUMNS ENTRIES}, and ENTRIES lines
 * {@code I J [VALUE]} with 1-based indices. FIELD is {@code real}, {@code integer} or
 * {@code pattern} (no value: each entry is 1); SYMMETRY is {@code general}, {@code symmetric}
 * (an entry off the diagonal stands for its mirror too) or {@code skew-symmetric} (its mirror
 * is its negation). An entry given twice is summed, as scipy's CSR conversion sums duplicates.
 *
 * <p>The matrix is held dense, so an entry stored as an explicit 0 is no nonzero here. Every
 * problem is a {@link CslError} at the file's line and column saying what was expected; no
 * input makes the reader fail otherwise or hold more than {@link NdArray#MAX_ELEMENTS}.
 */
final class MatrixMarket {
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,10}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern REAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

    private final String file;
    private final String text;
    private int line;
    private int next;

    private MatrixMarket(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The matrix in {@code bytes}, the program folder's {@code file}; the array's type rounds it later. */
    static NdArray read(String file, byte[] bytes) {
        return new MatrixMarket(file, new String(bytes, StandardCharsets.UTF_8)).matrix();
    }

    private record Token(String text, int column) {
    }

    private NdArray matrix() {
        String banner = nextLine(false);
        if (banner == null || !banner.startsWith("%%MatrixMarket")) {
            throw error(1, 1, "expected the banner \"%%MatrixMarket matrix coordinate real general\" on the first line");
        }
        Token[] b = tokens(banner);
        String[] want = {"%%matrixmarket", "matrix", "coordinate"};
        String[] what = {"%%MatrixMarket", "the object \"matrix\"",
            "the format \"coordinate\" (the dense \"array\" format is not read)"};
        for (int i = 0; i < want.length; i++) {
            if (b.length <= i || !b[i].text.toLowerCase(Locale.ROOT).equals(want[i])) {
                throw error(line, b.length <= i ? banner.length() + 1 : b[i].column, "expected " + what[i]);
            }
        }
        String field = word(b, 3, banner, "a field: real, integer or pattern");
        if (!field.equals("real") && !field.equals("integer") && !field.equals("pattern")) {
            throw error(line, b[3].column, "expected a field of real, integer or pattern, not \"" + b[3].text + "\""
                    + (field.equals("complex") ? " (complex matrices are not read)" : ""));
        }
        String symmetry = word(b, 4, banner, "a symmetry: general, symmetric or skew-symmetric");
        if (!symmetry.equals("general") && !symmetry.equals("symmetric") && !symmetry.equals("skew-symmetric")) {
            throw error(line, b[4].column, "expected a symmetry of general, symmetric or skew-symmetric, not \""
                    + b[4].text + "\"");
        }
        if (b.length > 5) {
            throw error(line, b[5].column, "expected the end of the banner line");
        }
        String sizeLine = nextLine(true);
        if (sizeLine == null) {
            throw error(line + 1, 1, "expected the size line \"ROWS COLUMNS ENTRIES\"");
        }
        Token[] s = tokens(sizeLine);
        int sizeAt = line;
        long rows = count(s, 0, sizeLine, "the number of rows");
        long cols = count(s, 1, sizeLine, "the number of columns");
        long entries = count(s, 2, sizeLine, "the number of entries");
        if (s.length > 3) {
            throw error(line, s[3].column, "expected the end of the size line after ROWS COLUMNS ENTRIES");
        }
        if (rows > NdArray.MAX_ELEMENTS || cols > NdArray.MAX_ELEMENTS || rows * cols > NdArray.MAX_ELEMENTS) {
            throw error(sizeAt, s[0].column, "a " + rows + " x " + cols + " matrix has more than "
                    + NdArray.MAX_ELEMENTS + " elements; Waferscope holds a host matrix dense");
        }
        if (!symmetry.equals("general") && rows != cols) {
            throw error(sizeAt, s[0].column, "a " + symmetry + " matrix must be square, not " + rows + " x " + cols);
        }
        if (entries > rows * cols) {
            throw error(sizeAt, s[2].column, "expected at most " + rows * cols + " entries in a " + rows + " x "
                    + cols + " matrix, not " + entries);
        }
        double[] out = new double[(int) (rows * cols)];
        boolean pattern = field.equals("pattern");
        for (long k = 0; k < entries; k++) {
            String l = nextLine(true);
            if (l == null) {
                throw error(line + 1, 1, "expected entry " + (k + 1) + " of " + entries + " (\"I J"
                        + (pattern ? "" : " VALUE") + "\"); the file ends");
            }
            Token[] e = tokens(l);
            long i = index(e, 0, l, "a row index", rows);
            long j = index(e, 1, l, "a column index", cols);
            double v = pattern ? 1 : value(e, 2, l, field);
            int end = pattern ? 2 : 3;
            if (e.length > end) {
                throw error(line, e[end].column, "expected the end of the entry after \"I J" + (pattern ? "" : " VALUE") + "\"");
            }
            if (symmetry.equals("skew-symmetric") && i == j) {
                throw error(line, e[0].column, "a skew-symmetric matrix has no diagonal entries");
            }
            out[(int) ((i - 1) * cols + (j - 1))] += v;
            if (i != j && !symmetry.equals("general")) {
                out[(int) ((j - 1) * cols + (i - 1))] += symmetry.equals("symmetric") ? v : -v;
            }
        }
        String extra = nextLine(true);
        if (extra != null) {
            throw error(line, tokens(extra)[0].column, "expected no more than the " + entries
                    + " entries the size line gives");
        }
        return new NdArray(new int[] {(int) rows, (int) cols}, out);
    }

    private String word(Token[] t, int at, String l, String what) {
        if (t.length <= at) {
            throw error(line, l.length() + 1, "expected " + what);
        }
        return t[at].text.toLowerCase(Locale.ROOT);
    }

    private long count(Token[] t, int at, String l, String what) {
        if (t.length <= at) {
            throw error(line, l.length() + 1, "expected " + what);
        }
        if (!INDEX.matcher(t[at].text).matches()) {
            throw error(line, t[at].column, "expected " + what + " (a whole number), not \"" + t[at].text + "\"");
        }
        return Long.parseLong(t[at].text);
    }

    private long index(Token[] t, int at, String l, String what, long size) {
        long v = count(t, at, l, what);
        if (v < 1 || v > size) {
            throw error(line, t[at].column, "expected " + what + " from 1 to " + size + " (indices are 1-based), not " + v);
        }
        return v;
    }

    private double value(Token[] t, int at, String l, String field) {
        if (t.length <= at) {
            throw error(line, l.length() + 1, "expected the entry's " + field + " value");
        }
        boolean ok = (field.equals("integer") ? INTEGER : REAL).matcher(t[at].text).matches();
        double v = ok ? Double.parseDouble(t[at].text) : Double.NaN;
        if (!ok || Double.isInfinite(v)) {
            throw error(line, t[at].column, "expected " + (field.equals("integer") ? "an integer" : "a real number")
                    + " value, not \"" + t[at].text + "\"");
        }
        return v;
    }

    /**
     * The next line, or null at the end; with {@code skipComments}, lines that are blank or
     * start with {@code %} are passed over.
     */
    private String nextLine(boolean skipComments) {
        while (next < text.length()) {
            int end = text.indexOf('\n', next);
            if (end < 0) {
                end = text.length();
            }
            line++;
            String l = text.substring(next, end);
            next = end + 1;
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            if (!skipComments || (!l.isBlank() && !l.startsWith("%"))) {
                return l;
            }
        }
        return null;
    }

    /** The line's words separated by spaces or tabs, each with its 1-based column. */
    private static Token[] tokens(String l) {
        java.util.List<Token> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < l.length()) {
            while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < l.length() && l.charAt(i) != ' ' && l.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                out.add(new Token(l.substring(start, i), start + 1));
            }
        }
        return out.toArray(new Token[0]);
    }

    private CslError error(int atLine, int column, String message) {
        return new CslError(new SourcePos(file, atLine, column), message);
    }
}
