package heard.wiring.commits;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * An H2 data source whose store writes its changed pages to the file in the background (H2's WRITE_DELAY), on
 * which each commit that wrote is followed by {@code CHECKPOINT}, which writes them before the commit returns:
 * what {@code WRITE_DELAY=0} does, but skipped for the transactions {@link StoredLater} marks. A statement
 * that writes outside a transaction (auto-commit) is stored likewise.
 */
public final class StoreAtCommit extends DelegatingDataSource {
    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    public StoreAtCommit(DataSource h2) {
        super(h2);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) {
        return proxy(Connection.class, new Commits(connection));
    }

    private static final class Commits implements InvocationHandler {
        private final Connection connection;
        private boolean wrote;

        Commits(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    connection.commit();
                    store();
                    return null;
                }
                case "rollback" -> {
                    Object result = call(connection, method, args);
                    if (args == null) { // the whole transaction: back to a savepoint keeps the writes before it
                        wrote = false;
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    boolean commits = (Boolean) args[0] && !connection.getAutoCommit();
                    connection.setAutoCommit((Boolean) args[0]);
                    if (commits) {
                        store();
                    }
                    return null;
                }
                default -> {
                    Object result = call(connection, method, args);
                    return result instanceof Statement statement ? statement(self, statement) : result;
                }
            }
        }

        private Statement statement(Object self, Statement statement) {
            Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return proxy(type, (ignored, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    return self;
                }
                Object result = call(statement, method, args);
                if (WRITES.contains(method.getName())) {
                    wrote = true;
                    if (connection.getAutoCommit()) {
                        store();
                    }
                }
                return result;
            });
        }

        private void store() throws SQLException {
            if (wrote && !StoredLater.applies()) {
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute("CHECKPOINT");
                }
            }
            wrote = false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(StoreAtCommit.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
