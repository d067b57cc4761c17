package io.siyu.rules.pack;

/**
 * Tells the host what a {@link LiveRulePack} did with an edit of its files. Called on the thread that
 * reloaded (the caller of {@link LiveRulePack#reload()}, or the watcher thread), one reload at a time, the
 * listeners in the order they were given: {@link #reloaded} after the swap, {@link #rejected} with the
 * previous version still serving. Keep it short and do not call {@code reload()} from it (another thread
 * may). An exception a listener throws skips the remaining listeners and reaches the caller of
 * {@code reload()} (the watcher logs it); a swap has happened by then. Both methods do nothing by default.
 * An implementation that several live packs share must be thread-safe.
 */
public interface ReloadListener {
    /**
     * A new version of the pack is serving.
     *
     * @param previous the version that served until now (decisions already running finish on it); not null
     * @param current  the version that serves from now on; not null
     */
    default void reloaded(RulePack previous, RulePack current) {
    }

    /**
     * An edit was rejected; the previous version keeps serving.
     *
     * @param problems every problem in the edited pack; not null
     */
    default void rejected(RulePackException problems) {
    }
}
