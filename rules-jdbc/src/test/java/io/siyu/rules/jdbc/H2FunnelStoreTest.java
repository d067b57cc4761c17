package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.contract.FunnelStoreContract;

import javax.sql.DataSource;
import java.util.IdentityHashMap;
import java.util.Map;

/** The store contract on H2 in its own mode (the embedded default); subclasses run it in compatibility modes. */
class H2FunnelStoreTest extends FunnelStoreContract {
    private final Map<FunnelStore, DataSource> databases = new IdentityHashMap<>();

    /** H2's options for the database, e.g. {@code ;MODE=MySQL}. */
    String options() {
        return "";
    }

    @Override
    protected FunnelStore emptyStore() {
        DataSource database = Databases.h2(options());
        FunnelStore store = JdbcFunnelStore.create(database);
        databases.put(store, database);
        return store;
    }

    @Override
    protected FunnelStore reopen(FunnelStore store) {
        DataSource database = databases.get(store);
        FunnelStore reopened = JdbcFunnelStore.create(database);
        databases.put(reopened, database);
        return reopened;
    }
}
