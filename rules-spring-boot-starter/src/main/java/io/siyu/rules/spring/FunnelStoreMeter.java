package io.siyu.rules.spring;

import io.siyu.rules.funnel.FunnelStore;

/**
 * Wraps the funnel's store to count its events; a type of its own, without Micrometer in its signature, so that
 * the funnel's auto-configuration asks for it whether or not Micrometer is on the class path.
 */
@FunctionalInterface
interface FunnelStoreMeter {
    FunnelStore meter(FunnelStore store);
}
