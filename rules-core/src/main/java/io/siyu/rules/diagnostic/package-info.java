/**
 * How the library reports bad input: a {@link io.siyu.rules.diagnostic.Diagnostic} per problem, with
 * file, 1-based line and column, a JSON path, a stable key and a sentence in English or Simplified
 * Chinese; and {@link io.siyu.rules.diagnostic.DiagnosticException}, the unchecked base of every library
 * exception for bad input ({@code CodebookException}, {@code RulePackException}, ...), which carries every
 * problem found, never only the first.
 *
 * <p>A host usually catches the specific exception and shows {@code diagnostics()}, one
 * {@link io.siyu.rules.diagnostic.Diagnostic#format()} line each ({@code file:line:column: message}), or
 * branches on {@link io.siyu.rules.diagnostic.Diagnostic#key()}, which does not depend on the language.
 *
 * <p>Conventions of this package: arguments must not be null (a null argument throws
 * {@code NullPointerException}), and no method returns null (an empty path is {@code ""}, an unknown
 * position {@code 0}). Diagnostics are immutable and thread-safe; the exceptions' diagnostics never change.
 */
package io.siyu.rules.diagnostic;
