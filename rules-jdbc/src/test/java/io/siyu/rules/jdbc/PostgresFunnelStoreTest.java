package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.contract.FunnelStoreContract;

import javax.sql.DataSource;

/**
 * The store contract on a real PostgreSQL (the one {@code .ci/run} starts; skipped with a reason outside CI when
 * none is configured, failed in CI).
 */
class PostgresFunnelStoreTest extends FunnelStoreContract {
    @Override
    protected FunnelStore emptyStore() {
        DataSource database = Databases.postgres();
        JdbcFunnelStore store = JdbcFunnelStore.create(database);
        Databases.empty(database);
        return store;
    }

    @Override
    protected FunnelStore reopen(FunnelStore store) {
        return JdbcFunnelStore.create(Databases.postgres());
    }
}
