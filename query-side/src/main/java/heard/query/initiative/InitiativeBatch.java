package heard.query.initiative;

import heard.events.InitiativeLaunched;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events of one transaction, folded: the initiatives launched, and how much each one's counts move. */
final class InitiativeBatch {
    record Counts(long feedback, long learnings) {
        Counts plus(Counts more) {
            return new Counts(feedback + more.feedback, learnings + more.learnings);
        }
    }

    /** By initiative, the first launch met: a launch met again changes nothing. */
    final Map<String, InitiativeLaunched> launched = new LinkedHashMap<>();
    final Map<String, Counts> counts = new LinkedHashMap<>();

    void launched(InitiativeLaunched e) {
        launched.putIfAbsent(e.initiativeId(), e);
    }

    void count(String initiativeId, long feedback, long learnings) {
        counts.merge(initiativeId, new Counts(feedback, learnings), Counts::plus);
    }

    boolean isEmpty() {
        return launched.isEmpty() && counts.isEmpty();
    }
}
