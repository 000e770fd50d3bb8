package heard.query.initiative;

import heard.events.InitiativeLaunched;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events of one transaction, folded: the initiatives launched, and how many learnings each one published. */
final class InitiativeBatch {
    /** By initiative, the first launch met: a launch met again changes nothing. */
    final Map<String, InitiativeLaunched> launched = new LinkedHashMap<>();
    final Map<String, Long> learnings = new LinkedHashMap<>();

    void launched(InitiativeLaunched e) {
        launched.putIfAbsent(e.initiativeId(), e);
    }

    void learningPublished(String initiativeId) {
        learnings.merge(initiativeId, 1L, Long::sum);
    }

    boolean isEmpty() {
        return launched.isEmpty() && learnings.isEmpty();
    }
}
