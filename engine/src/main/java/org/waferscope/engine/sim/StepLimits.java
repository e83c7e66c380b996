package org.waferscope.engine.sim;

/**
 * When a step may end before its cycle count.
 *
 * @param stopAtBreakpoints stop when a PE is about to execute an instruction on a breakpoint line
 * @param stopAtTaskStart   stop after a cycle in which a task started
 * @param releasesWanted    stop once this many unblock_cmd_stream calls happened in the step (0: never)
 * @param injectionsWanted  stop once the host has streamed this many wavelets in (0: never)
 * @param collectionsWanted stop once the host has collected this many wavelets (0: never)
 */
public record StepLimits(boolean stopAtBreakpoints, boolean stopAtTaskStart, long releasesWanted,
                         long injectionsWanted, long collectionsWanted) {
    public static final StepLimits NONE = new StepLimits(false, false, 0, 0, 0);

    /** True when the counts of one cycle reach any wanted total. */
    boolean reached(long releases, long injections, long collections) {
        return (releasesWanted > 0 && releases >= releasesWanted)
                || (injectionsWanted > 0 && injections >= injectionsWanted)
                || (collectionsWanted > 0 && collections >= collectionsWanted);
    }
}
