package heard.wiring;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance of a side, by the name it claims segments under in the token store. Unique even when
 * several instances run in one JVM (the process name alone would make them one).
 */
public record InstanceName(String id) {

    public static InstanceName unique() {
        return new InstanceName(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }
}
