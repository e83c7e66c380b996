package org.waferscope.engine.program;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads host arrays from .npy (f32, i32, u32, i16, u16; little-endian, C order), CSV and
 * Matrix Market ({@code .mtx}, see {@link MatrixMarket}) files.
 */
final class ArrayFiles {
    private ArrayFiles() {
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<|=>]?)([fiu])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static NdArray read(String name, byte[] bytes) {
        if (name.endsWith(".npy")) {
            return npy(bytes);
        }
        if (name.endsWith(".mtx")) {
            return MatrixMarket.read(name, bytes);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csv(new String(bytes, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("array files are .npy, .csv or .mtx, not " + name);
    }

    static NdArray npy(byte[] b) {
        if (b.length < 10 || (b[0] & 0xFF) != 0x93 || b[1] != 'N' || b[2] != 'U' || b[3] != 'M' || b[4] != 'P' || b[5] != 'Y') {
            throw new IllegalArgumentException("not a .npy file (no \\x93NUMPY magic)");
        }
        int major = b[6];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new IllegalArgumentException("truncated .npy header");
            }
            headerLen = buf.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException(".npy version " + major + " is not supported");
        }
        if (headerLen < 0 || start + (long) headerLen > b.length) {
            throw new IllegalArgumentException("truncated .npy header");
        }
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException(".npy header lacks descr, fortran_order or shape");
        }
        if (d.group(1).equals(">")) {
            throw new IllegalArgumentException("big-endian .npy files are not supported");
        }
        String kind = d.group(2) + (Integer.parseInt(d.group(3)) * 8);
        if (!List.of("f32", "i32", "u32", "i16", "u16").contains(kind)) {
            throw new IllegalArgumentException(".npy dtype " + kind + " is not supported; use f32, i32, u32, i16 or u16");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad .npy shape (" + s.group(1) + ")");
                }
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int n = NdArray.size(shape);
        int width = kind.endsWith("16") ? 2 : 4;
        int dataStart = start + headerLen;
        if ((long) n * width > b.length - dataStart) {
            throw new IllegalArgumentException(".npy file holds fewer elements than its shape says");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int at = dataStart + i * width;
            out[i] = switch (kind) {
                case "f32" -> buf.getFloat(at);
                case "i32" -> buf.getInt(at);
                case "u32" -> buf.getInt(at) & 0xFFFF_FFFFL;
                case "i16" -> buf.getShort(at);
                default -> buf.getShort(at) & 0xFFFF;
            };
        }
        NdArray a = new NdArray(shape, out);
        if (f.group(1).equals("True") && shape.length > 1) {
            // Fortran order: the data is the transpose's row-major layout.
            int[] rev = new int[shape.length];
            int[] axes = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                rev[i] = shape[shape.length - 1 - i];
                axes[i] = shape.length - 1 - i;
            }
            a = new NdArray(rev, out).transpose(axes);
        }
        return a;
    }

    /** Numbers separated by commas or white space; one row per line gives a 2-D shape. */
    static NdArray csv(String text) {
        List<double[]> rows = new ArrayList<>();
        int total = 0;
        for (String line : text.split("\r?\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split("[,\\s]+");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Double.parseDouble(cells[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + (rows.size() + 1) + " of the CSV: '" + cells[i]
                            + "' is not a number");
                }
            }
            total += row.length;
            if (total > NdArray.MAX_ELEMENTS) {
                throw new IllegalArgumentException("CSV has more than " + NdArray.MAX_ELEMENTS + " numbers");
            }
            rows.add(row);
        }
        double[] out = new double[total];
        int at = 0;
        boolean rectangular = true;
        for (double[] r : rows) {
            rectangular &= r.length == rows.get(0).length;
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        int[] shape = rows.size() > 1 && rectangular ? new int[] {rows.size(), rows.get(0).length} : new int[] {total};
        return new NdArray(shape, out);
    }
}
