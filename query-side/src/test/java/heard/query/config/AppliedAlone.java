package heard.query.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A failed batch applied again as the parking does: in one transaction, each event in a transaction of its own.
 * Gives the events that failed again, which the parking would park.
 */
public final class AppliedAlone {
    private AppliedAlone() {
    }

    public static <T> List<T> failing(TransactionTemplate batch, TransactionTemplate alone, List<T> events,
                                      Consumer<T> handle) {
        List<T> failed = new ArrayList<>();
        batch.executeWithoutResult(status -> events.forEach(event -> {
            try {
                alone.executeWithoutResult(own -> handle.accept(event));
            } catch (RuntimeException again) {
                failed.add(event);
            }
        }));
        return failed;
    }
}
