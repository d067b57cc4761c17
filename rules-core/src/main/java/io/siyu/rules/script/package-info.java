/**
 * The script library (话术库) of a rule pack: the texts staff send, read from {@code scripts.json}
 * (format in {@code docs/scripts.md}).
 *
 * <p>{@link io.siyu.rules.script.ScriptLibrary} loads and checks the file (every problem at once, as a
 * {@link io.siyu.rules.script.ScriptException}) and renders a {@link io.siyu.rules.script.Script} for a
 * customer into a {@link io.siyu.rules.script.RenderedScript}: variables filled in, the A/B variant
 * chosen by a stable hash of the script and customer ids, the length limit applied in code points. A
 * render that fails for a customer throws a {@link io.siyu.rules.script.ScriptRenderException}. A rule
 * pack renders the winning script of a decision itself; a host calls the library directly only to
 * render a script outside a decision.
 *
 * <p><b>Conventions.</b> Unless a method says otherwise, arguments must not be null (a null argument
 * throws {@link java.lang.NullPointerException}), and no method returns null; absent values are
 * {@link java.util.Optional} or empty collections. Returned collections are unmodifiable. Every type of
 * this package is immutable and thread-safe.
 */
package io.siyu.rules.script;
