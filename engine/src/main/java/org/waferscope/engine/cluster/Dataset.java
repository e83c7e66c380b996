package org.waferscope.engine.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.program.ProgramSource;

/**
 * A labelled data set, split once into train and test sets by a fixed seed, and the
 * training batches: each epoch visits the train set in an order drawn from the training
 * seed and the epoch's number, so every run, on any number of systems, sees the same batches.
 */
public final class Dataset {
    private static final int MAX_BYTES = 64 << 20;

    private final float[][] trainX;
    private final int[] trainY;
    private final float[][] testX;
    private final int[] testY;
    private final long seed;

    Dataset(float[][] x, int[] y, double testFraction, long splitSeed, long trainingSeed) {
        int[] order = permutation(x.length, new SplittableRandom(splitSeed));
        int test = (int) Math.round(x.length * testFraction);
        testX = new float[test][];
        testY = new int[test];
        trainX = new float[x.length - test][];
        trainY = new int[x.length - test];
        for (int i = 0; i < x.length; i++) {
            int j = order[i];
            if (i < test) {
                testX[i] = x[j];
                testY[i] = y[j];
            } else {
                trainX[i - test] = x[j];
                trainY[i - test] = y[j];
            }
        }
        this.seed = trainingSeed;
    }

    /** Reads the spec's data file from the program folder; a bad line is an error at its line. */
    public static Dataset read(ProgramSource folder, ClusterSpec spec) throws ProgramLoadException {
        ClusterSpec.Data d = spec.data();
        byte[] bytes;
        try {
            bytes = folder.read(d.file(), MAX_BYTES);
            if (d.file().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readNBytes(MAX_BYTES);
                }
            }
        } catch (IOException e) {
            throw new ProgramLoadException(new Diagnostic(new SourcePos(ClusterJson.FILE, 1, 1),
                    "cannot read the data file " + d.file() + ": " + e.getMessage()));
        }
        List<float[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != spec.inputs() + 1) {
                throw bad(d, n, "expected " + spec.inputs() + " features and a label, found " + f.length + " values");
            }
            float[] x = new float[spec.inputs()];
            try {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (Double.parseDouble(f[i].trim()) * d.scale());
                }
                int label = Integer.parseInt(f[x.length].trim());
                if (label < 0 || label >= d.classes()) {
                    throw bad(d, n, "label " + label + " is not a class from 0 to " + (d.classes() - 1));
                }
                xs.add(x);
                ys.add(label);
            } catch (NumberFormatException e) {
                throw bad(d, n, "not a number: " + e.getMessage());
            }
        }
        if (xs.size() < 2) {
            throw bad(d, 0, "the data set needs at least two samples");
        }
        return new Dataset(xs.toArray(new float[0][]), ys.stream().mapToInt(Integer::intValue).toArray(),
                d.testFraction(), d.splitSeed(), spec.training().seed());
    }

    private static ProgramLoadException bad(ClusterSpec.Data d, int line, String what) {
        return new ProgramLoadException(new Diagnostic(new SourcePos(d.file(), line + 1, 1), what));
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    public int trainSize() {
        return trainX.length;
    }

    public int testSize() {
        return testX.length;
    }

    float[][] testX() {
        return testX;
    }

    int[] testY() {
        return testY;
    }

    /** Train-set indices of step {@code step}'s batch (0-based), batches running on across epochs. */
    int[] batch(int step, int size) {
        int[] out = new int[size];
        int[] order = null;
        int orderEpoch = -1;
        for (int i = 0; i < size; i++) {
            long pos = (long) step * size + i;
            int epoch = (int) (pos / trainX.length);
            if (epoch != orderEpoch) {
                order = permutation(trainX.length, new SplittableRandom(seed * 1_000_003L + epoch));
                orderEpoch = epoch;
            }
            out[i] = order[(int) (pos % trainX.length)];
        }
        return out;
    }

    float[] trainX(int i) {
        return trainX[i];
    }

    int trainY(int i) {
        return trainY[i];
    }

    /** Epochs that {@code steps} batches of {@code batch} cover. */
    public double epochs(int steps, int batch) {
        return (double) steps * batch / trainX.length;
    }
}
