/** A module that reaches for an internal package of siyu-rules: it must not compile. */
module intruder {
    requires io.siyu.rules;
}
