package org.waferscope.engine.program;

/**
 * Which build of an SDK example folder to open, and which run of it: {@code --build 2} is the
 * script's second cslc command, {@code --build 2:inverse} its run with {@code run.py --inverse}
 * (the run.py flags without their dashes, joined by {@code -}). A variant has host steps of
 * its own only where Waferscope bundles them ({@code run-2-inverse.json}) or the folder's own
 * run.json says so; otherwise the build's host steps are used.
 *
 * @param build   1 for the script's first build
 * @param variant the run variant's key, or "" for the build's plain run
 */
public record SdkChoice(int build, String variant) {
    public static final SdkChoice FIRST = new SdkChoice(1, "");

    public SdkChoice {
        if (build < 1 || variant == null || !variant.matches("[A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("a build is chosen as N or N:VARIANT (N from 1, VARIANT letters, digits, "
                    + "'-', '_' or '.'), not " + build + ":" + variant);
        }
    }

    /** {@code "2"} or {@code "2:inverse"}. */
    public static SdkChoice parse(String spec) {
        String s = spec.strip();
        int colon = s.indexOf(':');
        String n = colon < 0 ? s : s.substring(0, colon);
        try {
            return new SdkChoice(Integer.parseInt(n), colon < 0 ? "" : s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a build is chosen as N or N:VARIANT, such as 2 or 2:inverse, not \""
                    + spec + "\"");
        }
    }

    /** The key of a run.py variant's flags: {@code "--inverse"} is {@code inverse}, {@code "--real --norm 1"} is {@code real-norm-1}. */
    public static String key(String flags) {
        StringBuilder s = new StringBuilder();
        for (String w : flags.strip().split("\\s+")) {
            String bare = w.replaceFirst("^-+", "").replaceAll("[^A-Za-z0-9_.]", "-");
            if (!bare.isEmpty()) {
                s.append(s.length() > 0 ? "-" : "").append(bare);
            }
        }
        return s.toString();
    }

    /** How it is written on the command line. */
    public String spec() {
        return variant.isEmpty() ? String.valueOf(build) : build + ":" + variant;
    }
}
