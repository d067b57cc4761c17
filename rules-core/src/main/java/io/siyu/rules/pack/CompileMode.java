package io.siyu.rules.pack;

/** How Drools compiles a pack's rule files. */
public enum CompileMode {
    /**
     * The classic MVEL-based compiler: fast to build, modest memory; the default, and right for the
     * hundreds of rules operations staff maintain.
     */
    CLASSIC,
    /**
     * Drools' executable model: rules compiled to Java lambdas. Needs {@code org.drools:drools-model-codegen}
     * on the class path; takes longer and far more memory to build from rule files at run time.
     */
    EXECUTABLE_MODEL
}
