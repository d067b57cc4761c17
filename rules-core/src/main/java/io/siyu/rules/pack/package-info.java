/**
 * Loading and running a rule pack: the files operations staff own ({@code pack.json},
 * {@code codebook.json}, {@code scripts.json}, {@code funnel.json}, {@code rules/**}{@code /*.drl}), from a
 * directory, the class path, a zip or memory ({@link io.siyu.rules.pack.PackSource}).
 *
 * <p>A host loads a pack once with {@link io.siyu.rules.pack.RulePack#load(io.siyu.rules.pack.PackSource,
 * io.siyu.rules.pack.PackOptions)} (every problem of every file comes back at once, as a
 * {@link io.siyu.rules.pack.RulePackException}), shares it across threads and calls
 * {@link io.siyu.rules.pack.RulePack#decide} for each customer. To pick up edits while serving, it uses a
 * {@link io.siyu.rules.pack.LiveRulePack}, which reloads on demand or when the files of a directory change,
 * and can build its first version in the background. A {@link io.siyu.rules.pack.DecisionListener} is told
 * of every decision and every reload (for metrics and health). {@link io.siyu.rules.pack.PackOptions} sets
 * the locale of diagnostics, the clock, the compile mode, the classes rules may use and the listeners;
 * {@link io.siyu.rules.pack.PackManifest} holds the settings of {@code pack.json}.
 *
 * <p><b>Conventions.</b> Unless a method says otherwise, arguments must not be null (a null argument
 * throws {@link java.lang.NullPointerException}), and no method returns null; absent values are
 * {@link java.util.Optional} or empty collections. Returned collections are unmodifiable. Each type says
 * whether it is thread-safe; all of this package's are, except {@link io.siyu.rules.pack.PackOptions.Builder}.
 */
package io.siyu.rules.pack;
