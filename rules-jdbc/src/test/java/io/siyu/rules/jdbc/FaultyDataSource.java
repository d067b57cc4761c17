package io.siyu.rules.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A fault injector: a real data source whose connection breaks on the Nth statement executed through it (from
 * then on that connection fails every call, as a dropped network connection does). Not a mock: every other
 * statement runs on the real database.
 */
final class FaultyDataSource implements DataSource {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final DataSource database;
    private final AtomicLong executed = new AtomicLong();
    private volatile long failAt = Long.MAX_VALUE;
    private final AtomicLong failures = new AtomicLong();

    FaultyDataSource(DataSource database) {
        this.database = database;
    }

    /** Breaks the connection that executes the {@code n}th statement from now (1 = the next one). */
    void failInStatements(long n) {
        failAt = executed.get() + n;
    }

    /** Breaks nothing more (a failure armed by {@link #failInStatements} and not reached yet is dropped). */
    void heal() {
        failAt = Long.MAX_VALUE;
    }

    /** Statements executed so far. */
    long executed() {
        return executed.get();
    }

    /** Connections broken so far. */
    long failures() {
        return failures.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(database.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(database.getConnection(user, password));
    }

    private Connection wrap(Connection connection) {
        boolean[] broken = {false};
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (broken[0] && !method.getName().equals("close") && !method.getName().equals("isClosed")) {
                        throw new SQLNonTransientConnectionException("connection reset (injected)", "08006");
                    }
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        Class<?> type = statement instanceof java.sql.PreparedStatement
                                ? java.sql.PreparedStatement.class : Statement.class;
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                                (p, m, a) -> {
                                    if (broken[0] && !m.getName().equals("close")) {
                                        throw new SQLNonTransientConnectionException("connection reset (injected)",
                                                "08006");
                                    }
                                    if (EXECUTIONS.contains(m.getName()) && executed.incrementAndGet() == failAt) {
                                        broken[0] = true;
                                        failures.incrementAndGet();
                                        throw new SQLNonTransientConnectionException(
                                                "connection reset on statement " + failAt + " (injected)", "08006");
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
