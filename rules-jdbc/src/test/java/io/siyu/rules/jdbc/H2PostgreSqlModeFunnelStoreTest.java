package io.siyu.rules.jdbc;

/** The store contract on H2 in its PostgreSQL compatibility mode. */
class H2PostgreSqlModeFunnelStoreTest extends H2FunnelStoreTest {
    @Override
    String options() {
        return ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
