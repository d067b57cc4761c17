package io.siyu.rules.jdbc;

/**
 * The store contract on H2 in its MySQL compatibility mode: what is tested of MySQL 8 / MariaDB support (the SQL
 * is plain enough for both; no real MySQL server runs in CI).
 */
class H2MySqlModeFunnelStoreTest extends H2FunnelStoreTest {
    @Override
    String options() {
        return ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }
}
