package org.waferscope.engine.api;

/**
 * What the host's command stream is doing, said whole and in a few words. Both are made
 * where the host's step is carried out, from what the step knows (how many PEs it waits
 * for), so that no view reads a sentence back to shorten it.
 *
 * @param words the whole of it, as a report says "the host is …": "waiting for
 *              unblock_cmd_stream from 3 PE(s)", "about to launch start", "done"; empty with no program
 * @param brief the same for a status bar with no room for all of it: "host waits for 3 PE(s)",
 *              "host: launch start", "host done"
 * @param done  every step of the host has been carried out
 */
public record HostStatus(String words, String brief, boolean done) {
    /** No program, so no host. */
    public static final HostStatus NONE = new HostStatus("", "", false);
    /** The host's last step is behind it. */
    public static final HostStatus DONE = new HostStatus("done", "host done", true);

    /** A launch holds the stream until {@code pes} more PEs have called {@code unblock_cmd_stream}. */
    public static HostStatus waitingForPes(long pes) {
        return new HostStatus("waiting for unblock_cmd_stream from " + pes + " PE(s)", "host waits for " + pes + " PE(s)", false);
    }

    /** A copy waits for the kernel's earlier work to settle before it touches SRAM. */
    public static HostStatus settling(String step) {
        return new HostStatus("waiting for the kernel to settle before " + step, "host waits", false);
    }

    /** The next step, not yet begun. */
    public static HostStatus about(String step) {
        return new HostStatus("about to " + step, "host: " + step, false);
    }

    /** A step under way that is already said in few words ("streaming 4 wavelet(s) in"). */
    public static HostStatus busy(String words) {
        return new HostStatus(words, "host: " + words, false);
    }

    /** The whole of it as the status bar shows it: "host: waiting for …", or "host done" said once. */
    public String line() {
        return done ? brief : words.isEmpty() ? "" : "host: " + words;
    }
}
