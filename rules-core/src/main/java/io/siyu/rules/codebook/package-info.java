/**
 * The codebook (密码本): survey answers as compact codes that staff write into a customer's WeCom
 * remark, Gaozi "3/D" style, and back.
 *
 * <p>A host loads a {@link io.siyu.rules.codebook.Codebook} once (on its own with
 * {@link io.siyu.rules.codebook.Codebook#load(java.nio.file.Path)}, or as part of a rule pack) and shares it.
 * {@code encode} turns answers into a {@link io.siyu.rules.codebook.TagSet}, {@code decode} reads a codes
 * string such as {@code "23D"} back, {@code readRemark} and {@code writeRemark} handle whole remarks
 * ({@code "王女士 23D"}), {@code describe} gives the labels. A {@code TagSet} is what a
 * {@link io.siyu.rules.decision.Customer} carries into the rules. The file format and every diagnostic are
 * described in {@code docs/codebook.md}.
 *
 * <p>Conventions of this package:
 * <ul>
 *   <li>Unless a method says otherwise, arguments must not be null (a null argument throws
 *       {@code NullPointerException}), and no method returns null; absent values are {@code Optional} or
 *       empty collections and strings. The queries of {@code TagSet}, written for rule conditions, say on
 *       each method that they accept null.</li>
 *   <li>Every type is immutable and thread-safe; returned collections are unmodifiable.</li>
 *   <li>Tags are in <em>canonical order</em>: questions in codebook order, options in option order.</li>
 *   <li>Positions count Unicode code points, not {@code char}s; positions in messages are 1-based, indexes
 *       in diagnostic paths ({@code codes[2]}) 0-based. Remark lengths ({@code remarkMaxLength},
 *       {@code maxCodesLength}) count UTF-16 code units, the cautious reading of WeCom's limit.</li>
 *   <li>Bad input (a codebook file, answers, codes, tags, a remark) throws the unchecked
 *       {@link io.siyu.rules.codebook.CodebookException}, listing every problem found, worded in the
 *       codebook's locale (English or Simplified Chinese). No message quotes a remark beyond the word
 *       that looks like codes: the rest holds a customer's name.</li>
 * </ul>
 */
package io.siyu.rules.codebook;
