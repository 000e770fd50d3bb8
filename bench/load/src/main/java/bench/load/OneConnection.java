package bench.load;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * A data source that hands out one open connection, whose {@code close} does nothing: a pool of one for a
 * single reader. Without it, every key lookup and every fetch opened H2's file afresh.
 */
final class OneConnection {
    private OneConnection() {
    }

    static DataSource of(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(OneConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(OneConnection.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> kept;
                    case "toString" -> "one connection";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "unwrap", "isWrapperFor" -> throw new UnsupportedOperationException(method.getName());
                    default -> throw new UnsupportedOperationException("only getConnection: " + method.getName());
                });
    }
}
