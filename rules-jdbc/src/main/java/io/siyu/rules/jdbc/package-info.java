/**
 * The funnel's store on a relational database: {@link io.siyu.rules.jdbc.JdbcFunnelStore}, plain JDBC, and the
 * decision log in a table beside it, {@link io.siyu.rules.jdbc.JdbcDecisionLog}; their
 * schema created and migrated by Flyway (tables prefixed {@code siyu_funnel_}, history table
 * {@code siyu_funnel_schema_history}). PostgreSQL 15+ is the production target; H2 2.x is the embedded default.
 * {@code docs/funnel.md} describes the schema, migrations, running several instances and backups.
 *
 * <p>Arguments must not be null ({@link java.lang.NullPointerException}); failures of the database are
 * {@link io.siyu.rules.funnel.FunnelStoreException}s naming what was being done.
 */
package io.siyu.rules.jdbc;
