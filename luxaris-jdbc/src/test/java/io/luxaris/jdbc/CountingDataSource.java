package io.luxaris.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements executed through it (each {@code execute*} call, a batch counting
 * once: one round trip), and can be "killed": from then on it refuses connections like a database that went
 * away.
 */
final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final AtomicLong executions = new AtomicLong();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private volatile boolean killed;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    long executions() {
        return executions.get();
    }

    /** Keeps the SQL of every execution from now on. */
    void record() {
        log.clear();
        recording = true;
    }

    List<String> recorded() {
        return List.copyOf(log);
    }

    /** Refuses every new connection from now on (SQLState 08001). */
    void kill() {
        killed = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (killed) {
            throw new java.sql.SQLTransientConnectionException("the database went away (test kill)", "08001");
        }
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    private Connection wrap(Connection connection) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                return statement(ps, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return statement(s, Statement.class, null);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private <S extends Statement> S statement(S target, Class<S> type, String sql) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executions.incrementAndGet();
                if (recording) {
                    log.add(sql != null ? sql : String.valueOf(args == null ? "" : args[0]));
                }
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h));
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
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
