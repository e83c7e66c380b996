package org.waferscope.engine.fabric;

/**
 * A CE setting its own router's switch position for a color ({@code Opcode.ROUTE_POS}).
 * It waits until the named output queue is empty, so that every wavelet already queued
 * leaves on the route it was sent for; the change then takes effect at once for the
 * wavelets the router moves from this cycle on.
 */
final class RouteSwitch {
    private RouteSwitch() {
    }

    /** Returns false (the CE stalls and retries) while output queue {@code drainQueue} still holds wavelets. */
    static boolean set(Fabric f, int p, int color, int position, int drainQueue) {
        if (drainQueue >= 0) {
            int ch = f.outQueue(p, drainQueue);
            if (ch >= 0 && f.count(ch) > 0) {
                return false;
            }
        }
        int rs = Router.findSlot(f, p, color);
        if (rs < 0) {
            return true;
        }
        int cfg = f.rsConfig[rs];
        if (position < 0 || position >= f.cfgPositions[cfg]) {
            throw new MachineFault("color " + color + " has no switch position " + position + " at this PE");
        }
        f.rsPos[rs] = position;
        return true;
    }
}
