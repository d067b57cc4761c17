package io.siyu.rules.funnel.contract;

import io.siyu.rules.funnel.FunnelStore;

/** The store contract on {@link FunnelStore#inMemory()}; "reopening" it is sharing the same instance. */
class MemoryFunnelStoreTest extends FunnelStoreContract {
    @Override
    protected FunnelStore emptyStore() {
        return FunnelStore.inMemory();
    }

    @Override
    protected FunnelStore reopen(FunnelStore store) {
        return store;
    }
}
