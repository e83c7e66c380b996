package org.waferscope.engine.fabric;

/** A host command that cannot be carried out (no such symbol, rectangle off the fabric, ...). */
public final class HostException extends RuntimeException {
    public HostException(String message) {
        super(message);
    }
}
