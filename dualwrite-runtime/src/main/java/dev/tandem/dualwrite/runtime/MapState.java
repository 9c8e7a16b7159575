package dev.tandem.dualwrite.runtime;

/**
 * Lifecycle of a table map (dual-write R34): Not running → Initializing → Running ⇄ Paused → Resuming → Running;
 * Stopped. A map can be edited only when it is Not running or Stopped (R35).
 */
public enum MapState {
    NOT_RUNNING,
    INITIALIZING,
    RUNNING,
    PAUSED,
    RESUMING,
    STOPPED;

    /** Whether the map's definition may be replaced in this state. */
    public boolean editable() {
        return this == NOT_RUNNING || this == STOPPED;
    }
}
