package bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the server answered that was not a 2xx: by status code, or by the exception's class. */
final class Outcomes {
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long total() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> kinds = new TreeMap<>();
        errors.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return kinds;
    }
}
