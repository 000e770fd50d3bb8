package heard.query.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what is sent to the database through the data source it wraps: each statement executed, a batch
 * counting once (one round trip), and the rows batches carry. For measuring a projection's cost per event.
 */
public final class CountedStatements {
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong batchedRows = new AtomicLong();

    /** Round trips: statements executed, a batch counting once. */
    public long statements() {
        return statements.get();
    }

    /** Rows sent in batches. */
    public long batchedRows() {
        return batchedRows.get();
    }

    public void reset() {
        statements.set(0);
        batchedRows.set(0);
    }

    /** The data source, counted. */
    public DataSource counting(DataSource dataSource) {
        return new Counting(dataSource);
    }

    private final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return proxy(Connection.class, super.getConnection(), (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Statement statement ? counting(statement) : result;
            });
        }

        private Statement counting(Statement statement) {
            Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                    : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return (Statement) proxy(type, statement, (target, method, args) -> {
                if (method.getName().equals("addBatch")) {
                    batchedRows.incrementAndGet();
                } else if (method.getName().startsWith("execute")) {
                    statements.incrementAndGet();
                }
                return invoke(target, method, args);
            });
        }
    }

    private interface Call {
        Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.call(target, method, args);
        return (T) Proxy.newProxyInstance(CountedStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
