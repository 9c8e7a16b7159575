package dev.tandem.dualwrite.runtime;

/** How a paused map resumes (dual-write §4.3, {@code CatchUpSyncOption}). */
public enum ResumeOption {
    /** Catch up the queue first, in order; new changes keep queueing until it is empty. */
    DRAIN,
    /** Go live now; the queued changes move to the retry list, processed by an explicit retry. */
    LIVE_RETRY_QUEUED,
    /** Go live now and discard the queue; needs confirmation and logs every discarded change. */
    LIVE_DISCARD_QUEUED
}
