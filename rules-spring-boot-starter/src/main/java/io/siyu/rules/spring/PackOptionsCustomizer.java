package io.siyu.rules.spring;

import io.siyu.rules.pack.PackOptions;

/**
 * Changes the options the starter builds its {@code LiveRulePack} with, after it has applied the
 * {@code siyu.rules.*} properties, the {@code Clock} bean and every {@code DecisionListener} bean: to let rule
 * files use a class of the host ({@link PackOptions.Builder#allowClass}), to add a listener that is not a bean, and
 * so on. Every bean of this type is called, in {@code @Order} order, once, while the pack bean is created.
 *
 * <p>Implementations are called on the thread that creates the bean, before any decision; they need not be
 * thread-safe.
 */
@FunctionalInterface
public interface PackOptionsCustomizer {
    /**
     * Changes the options.
     *
     * @param options the builder the pack's options are built from; not null
     */
    void customize(PackOptions.Builder options);
}
