package heard.events.storage;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link ByteaPostgresDialect} on PostgreSQL and leaves every other database to Hibernate, so one setting
 * ({@code hibernate.dialect_resolvers}) serves the H2 file and PostgreSQL alike.
 */
public class HeardDialects implements DialectResolver {
    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaPostgresDialect(info) : null;
    }
}
