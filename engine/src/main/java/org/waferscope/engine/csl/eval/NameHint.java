package org.waferscope.engine.csl.eval;

import java.util.Collection;

/**
 * The declared name a misspelt one most likely meant, for the "unknown name" error (and a
 * param or a sample named wrongly): a student's commonest mistake is a typo ("recieved" for
 * "received"), and the error is shorter to act on when it names the fix.
 */
public final class NameHint {
    private NameHint() {
    }

    /**
     * "; did you mean 'received'?" for the declared name closest to {@code wrote} in edits
     * (insert, delete, change, or swap two neighbours), when it is close enough to be a typo:
     * one edit in a name of three to five letters, two in a longer one, none in a shorter one
     * (one edit makes "bq" of "q"). Empty when none is, or when two are equally close (a guess
     * between them would mislead).
     */
    public static String didYouMean(String wrote, Collection<String> declared) {
        int most = wrote.length() < 3 ? 0 : wrote.length() <= 5 ? 1 : 2;
        if (most == 0) {
            return "";
        }
        String best = null;
        int bestDistance = most + 1;
        boolean tie = false;
        for (String name : declared) {
            if (name.equals(wrote) || name.indexOf('.') >= 0) {
                continue;
            }
            int d = distance(wrote, name, most);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && best != null && !name.equals(best)) {
                tie = true;
            }
        }
        return best == null || tie ? "" : "; did you mean '" + best + "'?";
    }

    /** Edits from a to b, counting a swap of neighbours as one; {@code Integer.MAX_VALUE} when plainly more than {@code most}. */
    static int distance(String a, String b, int most) {
        if (Math.abs(a.length() - b.length()) > most) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
