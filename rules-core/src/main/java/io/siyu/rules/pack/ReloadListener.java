package io.siyu.rules.pack;

/**
 * Tells the host what a {@link LiveRulePack} did with an edit of its files. Called on the thread that
 * reloaded (the caller of {@link LiveRulePack#reload()}, or the watcher thread), after the swap; keep it
 * short and do not call {@code reload()} from it. An exception a listener throws reaches the caller of
 * {@code reload()} (the watcher logs it); the swap has happened by then. Both methods do nothing by default.
 */
public interface ReloadListener {
    /**
     * A new version of the pack is serving.
     *
     * @param previous the version that served until now (decisions already running finish on it)
     * @param current  the version that serves from now on
     */
    default void reloaded(RulePack previous, RulePack current) {
    }

    /**
     * An edit was rejected; the previous version keeps serving.
     *
     * @param problems every problem in the edited pack
     */
    default void rejected(RulePackException problems) {
    }
}
