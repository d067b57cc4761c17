package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.contract.FunnelStoreContract;

import javax.sql.DataSource;

/**
 * The store contract on a real MariaDB (the 10.11 server {@code .ci/run} starts, with the Debian package's
 * case-insensitive default collation; skipped with a reason outside CI when none is configured, failed in CI).
 */
class MariaDbFunnelStoreTest extends FunnelStoreContract {
    @Override
    protected FunnelStore emptyStore() {
        DataSource database = Databases.mariadb();
        JdbcFunnelStore store = JdbcFunnelStore.create(database);
        Databases.empty(database);
        return store;
    }

    @Override
    protected FunnelStore reopen(FunnelStore store) {
        return JdbcFunnelStore.create(Databases.mariadb());
    }
}
