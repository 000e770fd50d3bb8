package heard.query.redelivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** One transaction's marks of one projection: those it has read, and those its events moved. */
final class AppliedMarks {
    /** Of an aggregate with no mark: below every sequence number. */
    private static final long NONE = -1;
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, Long> moved = new LinkedHashMap<>();

    /**
     * Marks the event as applied; false if it, or a later event of its aggregate, already was.
     *
     * @param toRead the aggregates whose marks to read, given a test of which ones this transaction has not read
     *               yet; they include the event's own
     * @param read   the marks of those aggregates that have one
     */
    boolean apply(String aggregateId, long sequence, Function<Predicate<String>, Collection<String>> toRead,
                  Function<Collection<String>, Map<String, Long>> read) {
        if (!last.containsKey(aggregateId)) {
            Collection<String> ids = toRead.apply(id -> !last.containsKey(id));
            Map<String, Long> found = read.apply(ids);
            ids.forEach(id -> last.put(id, found.getOrDefault(id, NONE)));
        }
        if (sequence <= last.get(aggregateId)) {
            return false;
        }
        last.put(aggregateId, sequence);
        moved.put(aggregateId, sequence);
        return true;
    }

    Map<String, Long> moved() {
        return moved;
    }
}
