package org.aigaq.documentation.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * In the benchmark only (profile {@code bench}): wraps the application's data source so that the statements a
 * service sends, with their parameters, can be recorded on the current thread and sent again, unchanged, straight
 * through JDBC: the floor that Aigaq's own time is compared with. Outside a recording it only passes calls on.
 */
@Component
@Profile("bench")
class StatementCapture implements BeanPostProcessor {

    // Inherited: the threads a service starts for reads at once (ConcurrentReads) record into the caller's list.
    private static final InheritableThreadLocal<List<Sent>> recording = new InheritableThreadLocal<>();
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    /** A parameter given to a statement: the setter called and its arguments. */
    record Parameter(Method setter, Object[] args) {}

    /** A statement sent, with its parameters in the order they were set, and the thread that sent it. */
    record Sent(String sql, List<Parameter> parameters, boolean prepared, long thread) {}

    /** What a call returned and the statements it sent. */
    record Captured<T>(T result, List<Sent> statements) {}

    private static volatile DataSource plain;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Capturing)) {
            plain = dataSource;
            return new Capturing(dataSource);
        }
        return bean;
    }

    /** The data source under the recording one: the floor's statements go there. */
    static DataSource plain() {
        if (plain == null) throw new IllegalStateException("statement capture runs only with the bench profile");
        return plain;
    }

    /** Runs {@code call} and returns what it sent to the database from this thread and the threads it started. */
    static <T> Captured<T> capture(Supplier<T> call) {
        var sent = java.util.Collections.synchronizedList(new ArrayList<Sent>());
        recording.set(sent);
        try {
            T result = call.get();
            synchronized (sent) {
                return new Captured<>(result, List.copyOf(sent));
            }
        } finally {
            recording.remove();
        }
    }

    /**
     * Sends the statements again on connections of the plain data source, each thread's in one transaction rolled
     * back at the end, reading every column of every row. The threads' statements are sent at once, each thread's on a
     * connection of its own, even those the call sent one after the other (the page's words after its windows), and
     * the audit entry's INSERT is left out: its sequence number is taken (the chain allows each number once). The
     * floor is thus the same work less that write, with more of it at once: the ratio to it is stricter, not kinder.
     */
    static void replay(List<Sent> statements) throws SQLException {
        var threads = new java.util.LinkedHashMap<Long, List<Sent>>();
        statements.forEach(s -> threads.computeIfAbsent(s.thread(), t -> new ArrayList<>()).add(s));
        if (threads.size() == 1) {
            replayed(statements);
            return;
        }
        try (var strands = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var sent = threads.values().stream().map(own -> strands.submit(() -> {
                replayed(own);
                return null;
            })).toList();
            for (var strand : sent) strand.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException failure ? failure : new SQLException(e.getCause());
        }
    }

    private static void replayed(List<Sent> statements) throws SQLException {
        try (Connection connection = plain().getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Sent sent : statements) {
                    if (sent.sql().stripLeading().startsWith("INSERT INTO audit_entry")) continue;
                    if (sent.prepared()) {
                        try (PreparedStatement statement = connection.prepareStatement(sent.sql())) {
                            for (Parameter parameter : sent.parameters()) {
                                parameter.setter().invoke(statement, parameter.args());
                            }
                            if (statement.execute()) readAll(statement.getResultSet());
                        }
                    } else {
                        try (Statement statement = connection.createStatement()) {
                            if (statement.execute(sent.sql())) readAll(statement.getResultSet());
                        }
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new SQLException("a parameter could not be set again", e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The plans, with times and buffers ({@code EXPLAIN (ANALYZE, BUFFERS)}), of the statements that read (SELECT or
     * WITH), sent with their parameters in a transaction rolled back; for looking into a missed target.
     */
    static List<String> explain(List<Sent> statements) throws SQLException {
        var plans = new ArrayList<String>();
        try (Connection connection = plain().getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Sent sent : statements) {
                    String sql = sent.sql().stripLeading();
                    boolean reads = sql.regionMatches(true, 0, "SELECT", 0, 6) || sql.regionMatches(true, 0, "WITH", 0, 4);
                    if (!reads || !sent.prepared()) {
                        if (sql.regionMatches(true, 0, "SET", 0, 3)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute(sql);
                            }
                        }
                        continue;
                    }
                    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                        for (Parameter parameter : sent.parameters()) {
                            parameter.setter().invoke(statement, parameter.args());
                        }
                        var plan = new StringBuilder(sql.length() > 300 ? sql.substring(0, 300) + "…" : sql).append('\n');
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) plan.append("  ").append(rows.getString(1)).append('\n');
                        }
                        plans.add(plan.toString());
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new SQLException("a parameter could not be set again", e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return plans;
    }

    private static void readAll(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) rows.getObject(i);
        }
    }

    /** The recording data source: connections whose statements note what they send while a recording is on. */
    static final class Capturing extends DelegatingDataSource implements AutoCloseable {

        Capturing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) closeable.close();
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (result instanceof PreparedStatement statement && method.getName().startsWith("prepare")) {
                            return prepared(statement, (String) args[0]);
                        }
                        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                            return plainStatement(statement);
                        }
                        return result;
                    });
        }

        private static PreparedStatement prepared(PreparedStatement statement, String sql) {
            var parameters = new ArrayList<Parameter>();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("set") && method.getDeclaringClass() == PreparedStatement.class) {
                    parameters.add(new Parameter(method, args == null ? new Object[0] : args.clone()));
                } else if (method.getName().equals("clearParameters")) {
                    parameters.clear();
                } else if (EXECUTING.contains(method.getName()) && (args == null || args.length == 0)) {
                    note(new Sent(sql, List.copyOf(parameters), true, Thread.currentThread().threadId()));
                }
                return invoke(statement, method, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, handler);
        }

        private static Statement plainStatement(Statement statement) {
            return (Statement) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(), new Class<?>[] {Statement.class},
                    (proxy, method, args) -> {
                        if (EXECUTING.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                            note(new Sent(sql, List.of(), false, Thread.currentThread().threadId()));
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static void note(Sent sent) {
            var sent0 = recording.get();
            if (sent0 != null) sent0.add(sent);
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
