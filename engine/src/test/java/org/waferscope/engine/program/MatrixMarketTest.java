package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.CslError;

/** Matrix Market coordinate files read into dense host matrices, and their errors with positions. */
class MatrixMarketTest {
    private static NdArray read(String text) {
        return MatrixMarket.read("m.mtx", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The error's "file:line:col: message". */
    private static String error(String text) {
        CslError e = assertThrows(CslError.class, () -> read(text));
        return e.pos() + ": " + e.getMessage();
    }

    @Test
    void generalRealEntriesLandAtTheirOneBasedPlaces() {
        NdArray m = read("""
                %%MatrixMarket matrix coordinate real general
                % a comment

                2 3 3
                1 1 1.5
                2 3 -2e-1
                1 2 .25
                """);
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {1.5, 0.25, 0, 0, 0, -0.2}, m.data());
    }

    @Test
    void symmetricMirrorsOffDiagonalEntriesAndDuplicatesAreSummed() {
        NdArray m = read("%%MatrixMarket matrix coordinate real symmetric\r\n3 3 4\r\n1 1 2\r\n3 1 4\r\n2 2 5\r\n3 1 1\r\n");
        assertArrayEquals(new double[] {2, 0, 5, 0, 5, 0, 5, 0, 0}, m.data());
    }

    @Test
    void skewSymmetricMirrorsWithTheOppositeSign() {
        NdArray m = read("%%MatrixMarket matrix coordinate integer skew-symmetric\n2 2 1\n2 1 7\n");
        assertArrayEquals(new double[] {0, -7, 7, 0}, m.data());
    }

    @Test
    void patternEntriesAreOnesAndKeywordsIgnoreCase() {
        NdArray m = read("%%MatrixMarket MATRIX Coordinate Pattern General\n2 2 2\n1 2\n2 1\n");
        assertArrayEquals(new double[] {0, 1, 1, 0}, m.data());
    }

    @Test
    void badInputIsRefusedWithTheLineAndColumnOfTheProblem() {
        assertEquals("m.mtx:1:1: expected the banner \"%%MatrixMarket matrix coordinate real general\" on the first line",
                error("2 2 1\n1 1 1\n"));
        assertEquals("m.mtx:1:1: expected the banner \"%%MatrixMarket matrix coordinate real general\" on the first line",
                error(""));
        assertTrue(error("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n")
                .startsWith("m.mtx:1:23: expected the format \"coordinate\""));
        assertEquals("m.mtx:1:34: expected a field of real, integer or pattern, not \"complex\" (complex matrices are not read)",
                error("%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n"));
        assertEquals("m.mtx:1:39: expected a symmetry of general, symmetric or skew-symmetric, not \"hermitian\"",
                error("%%MatrixMarket matrix coordinate real hermitian\n1 1 0\n"));
        assertEquals("m.mtx:3:4: expected the number of entries",
                error("%%MatrixMarket matrix coordinate real general\n%\n2 2\n"));
        assertEquals("m.mtx:2:3: expected the number of columns (a whole number), not \"x\"",
                error("%%MatrixMarket matrix coordinate real general\n2 x 1\n"));
        assertEquals("m.mtx:3:3: expected a column index from 1 to 2 (indices are 1-based), not 3",
                error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 3 1.0\n"));
        assertEquals("m.mtx:3:1: expected a row index from 1 to 2 (indices are 1-based), not 0",
                error("%%MatrixMarket matrix coordinate real general\n2 2 1\n0 1 1.0\n"));
        assertEquals("m.mtx:3:5: expected a real number value, not \"1,5\"",
                error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1,5\n"));
        assertEquals("m.mtx:3:5: expected an integer value, not \"1.5\"",
                error("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n"));
        assertEquals("m.mtx:3:5: expected the end of the entry after \"I J\"",
                error("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1 9\n"));
        assertEquals("m.mtx:4:1: expected entry 2 of 2 (\"I J VALUE\"); the file ends",
                error("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n"));
        assertEquals("m.mtx:5:2: expected no more than the 1 entries the size line gives",
                error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n%\n 2 2 2\n"));
        assertEquals("m.mtx:2:1: a symmetric matrix must be square, not 2 x 3",
                error("%%MatrixMarket matrix coordinate real symmetric\n2 3 0\n"));
        assertEquals("m.mtx:3:1: a skew-symmetric matrix has no diagonal entries",
                error("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 1\n"));
        assertTrue(error("%%MatrixMarket matrix coordinate real general\n100000 100000 1\n1 1 1\n")
                .startsWith("m.mtx:2:1: a 100000 x 100000 matrix has more than 16777216 elements"));
        assertEquals("m.mtx:2:5: expected at most 4 entries in a 2 x 2 matrix, not 9999999999",
                error("%%MatrixMarket matrix coordinate real general\n2 2 9999999999\n"));
        assertEquals("m.mtx:3:5: expected a real number value, not \"1e99999\"",
                error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1e99999\n"));
    }

    /** Whatever bytes a file holds, the reader gives a matrix or a positioned error, nothing else. */
    @Test
    void mangledFilesGiveAMatrixOrAPositionedErrorOnly() {
        String good = "%%MatrixMarket matrix coordinate real symmetric\n% c\n4 4 3\n1 1 1\n3 2 -2.5e0\n4 4 3\n";
        Random r = new Random(5);
        String alphabet = "0123456789 \n\t%.-+eE,x";
        for (int round = 0; round < 2000; round++) {
            StringBuilder s = new StringBuilder(good);
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = r.nextInt(s.length());
                switch (r.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            try {
                NdArray m = read(s.toString());
                assertEquals(m.shape()[0] * m.shape()[1], m.data().length);
            } catch (CslError e) {
                assertTrue(e.pos().line() >= 1 && e.pos().column() >= 1, () -> e.pos() + ": " + e.getMessage());
            }
        }
    }
}
