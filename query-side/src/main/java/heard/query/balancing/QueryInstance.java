package heard.query.balancing;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This query-side instance, by the name it claims segments under in the token store. Unique even when
 * several instances run in one JVM (the process name alone would make them one).
 */
public record QueryInstance(String id) {

    public static QueryInstance named() {
        return new QueryInstance(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }
}
