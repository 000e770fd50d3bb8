package heard.query.dashboard;

import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.FeedbackAcknowledged;
import heard.events.FeedbackLoopClosed;
import heard.events.FeedbackStatus;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.IndicatorDefined;
import heard.events.InitiativeLaunched;
import heard.events.MeasurementRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of events applied in memory to the dashboard rows they touch, read once from the database: what
 * then has to be written is the rows made, the rows changed (each once, as it ends up), and each count's
 * change as one delta. See {@link DashboardProjection} for the rule by which an event is applied once.
 */
final class DashboardFold {
    /** A feedback's non-personal facts, as stored and then as the batch changes them. */
    static final class Feedback {
        final String feedbackId;
        final String initiativeId;
        final Instant submittedAt;
        final String channel;
        final String language;
        final String group;
        final boolean made;
        Instant acknowledgeBy;
        FeedbackStatus status;
        Set<String> themes;
        boolean confirmed;
        boolean corrected;
        Double hoursToAcknowledge;
        Double hoursToClose;
        long lastSequence;
        boolean changed;

        Feedback(String feedbackId, String initiativeId, Instant submittedAt, String channel, String language,
                 String group, boolean made) {
            this.feedbackId = feedbackId;
            this.initiativeId = initiativeId;
            this.submittedAt = submittedAt;
            this.channel = channel;
            this.language = language;
            this.group = group;
            this.made = made;
        }
    }

    static final class Decision {
        final String decisionId;
        final String initiativeId;
        final boolean made;
        String engagementLevel;
        long lastSequence;
        boolean changed;

        Decision(String decisionId, String initiativeId, String engagementLevel, long lastSequence, boolean made) {
            this.decisionId = decisionId;
            this.initiativeId = initiativeId;
            this.engagementLevel = engagementLevel;
            this.lastSequence = lastSequence;
            this.made = made;
        }
    }

    /** The sequence of an event that is not an aggregate's: applied without moving a row's mark. */
    static final long UNNUMBERED = -1;

    record Count(String initiativeId, Dimension dimension, String item) {
    }

    record Took(String feedbackId, String kind, String initiativeId, String group, double hours) {
    }

    record Measurement(String measurementId, MeasurementRecorded event, long sequence) {
    }

    final Map<String, Feedback> feedback;
    final Map<String, Decision> decisions;
    private final Set<String> initiatives;
    private final Set<String> indicators;
    private final Set<String> measurements;

    final List<InitiativeLaunched> launched = new ArrayList<>();
    final List<IndicatorDefined> defined = new ArrayList<>();
    final List<Measurement> measured = new ArrayList<>();
    final List<Took> durations = new ArrayList<>();
    /** Stored feedback acknowledged in this batch, whose pending row goes. */
    final Set<String> noLongerPending = new LinkedHashSet<>();
    final Map<Count, Long> counts = new LinkedHashMap<>();
    /** Initiatives whose figures changed, for the live viewers. */
    final Set<String> touched = new LinkedHashSet<>();

    DashboardFold(Map<String, Feedback> feedback, Map<String, Decision> decisions, Set<String> initiatives,
                  Set<String> indicators, Set<String> measurements) {
        this.feedback = feedback;
        this.decisions = decisions;
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.measurements = measurements;
    }

    void launched(InitiativeLaunched e) {
        if (initiatives.add(e.initiativeId())) {
            launched.add(e);
            touched.add(e.initiativeId());
        }
    }

    void submitted(FeedbackSubmitted e, long sequence) {
        if (feedback.containsKey(e.feedbackId())) {
            return;
        }
        Feedback row = new Feedback(e.feedbackId(), e.initiativeId(), e.at(), e.channel().name(), e.language(),
                e.stakeholderGroup(), true);
        row.acknowledgeBy = e.acknowledgeBy();
        row.status = FeedbackStatus.SUBMITTED;
        row.themes = new LinkedHashSet<>();
        row.lastSequence = sequence;
        feedback.put(row.feedbackId, row);
        add(row.initiativeId, Figure.SUBMITTED, 1);
        add(row.initiativeId, Dimension.GROUP, row.group == null ? "" : row.group, 1);
        add(row.initiativeId, Dimension.CHANNEL, row.channel, 1);
    }

    void acknowledged(FeedbackAcknowledged e, long sequence) {
        Feedback row = next(e.feedbackId(), sequence);
        if (row == null || row.hoursToAcknowledge != null) {
            return;
        }
        row.hoursToAcknowledge = hoursBetween(row.submittedAt, e.at());
        row.status = row.status.then(FeedbackStatus.ACKNOWLEDGED);
        if (!row.made) {
            noLongerPending.add(row.feedbackId);
        }
        durations.add(new Took(row.feedbackId, DashboardProjection.ACKNOWLEDGE, row.initiativeId, row.group, row.hoursToAcknowledge));
        add(row.initiativeId, Figure.ACKNOWLEDGED, 1);
    }

    void moved(String feedbackId, FeedbackStatus status, long sequence) {
        Feedback row = next(feedbackId, sequence);
        if (row != null) {
            row.status = row.status.then(status);
        }
    }

    void confirmed(String feedbackId, long sequence) {
        Feedback row = next(feedbackId, sequence);
        if (row == null) {
            return;
        }
        row.status = row.status.then(FeedbackStatus.CONFIRMED);
        if (!row.confirmed) {
            row.confirmed = true;
            add(row.initiativeId, Figure.CONFIRMED, 1);
        }
    }

    void corrected(String feedbackId, long sequence) {
        Feedback row = next(feedbackId, sequence);
        if (row == null) {
            return;
        }
        row.status = row.status.then(FeedbackStatus.CORRECTED);
        if (!row.corrected) {
            row.corrected = true;
            add(row.initiativeId, Figure.CORRECTED, 1);
        }
    }

    void themed(FeedbackThemed e, long sequence) {
        Feedback row = next(e.feedbackId(), sequence);
        if (row != null) {
            // the event names only the themes added: those before it stay, as they do on the aggregate
            e.themes().stream().filter(row.themes::add)
                    .forEach(theme -> add(row.initiativeId, Dimension.THEME, theme, 1));
        }
    }

    void loopClosed(FeedbackLoopClosed e, long sequence) {
        Feedback row = next(e.feedbackId(), sequence);
        if (row == null || row.hoursToClose != null) {
            return;
        }
        row.hoursToClose = hoursBetween(row.submittedAt, e.at());
        row.status = FeedbackStatus.LOOP_CLOSED;
        durations.add(new Took(row.feedbackId, DashboardProjection.CLOSE, row.initiativeId, row.group, row.hoursToClose));
        add(row.initiativeId, Figure.CLOSED, 1);
    }

    void proposed(DecisionProposed e, long sequence) {
        if (decisions.containsKey(e.decisionId())) {
            return;
        }
        decisions.put(e.decisionId(), new Decision(e.decisionId(), e.initiativeId(), e.engagementLevel().name(),
                sequence, true));
        add(e.initiativeId(), Dimension.ENGAGEMENT, e.engagementLevel().name(), 1);
        add(e.initiativeId(), Figure.PROPOSED, 1);
    }

    void revised(DecisionRevised e, long sequence) {
        Decision row = nextOf(e.decisionId(), sequence);
        if (row == null) {
            return;
        }
        add(row.initiativeId, Figure.REVISIONS, 1);
        if (e.triggeredBy() != null && !e.triggeredBy().isEmpty()) {
            add(row.initiativeId, Figure.TRIGGERED_BY_FEEDBACK, 1);
        }
        if (e.engagementLevel() != null && !row.engagementLevel.equals(e.engagementLevel().name())) {
            add(row.initiativeId, Dimension.ENGAGEMENT, row.engagementLevel, -1);
            add(row.initiativeId, Dimension.ENGAGEMENT, e.engagementLevel().name(), 1);
            row.engagementLevel = e.engagementLevel().name();
        }
    }

    void reviewDue(DecisionReviewDue e, long sequence) {
        if (nextOf(e.decisionId(), sequence) != null) {
            add(e.initiativeId(), Figure.REVIEWS_DUE, 1);
        }
    }

    void assessed(DecisionOutcomeAssessed e, long sequence) {
        if (nextOf(e.decisionId(), sequence) != null) {
            add(e.initiativeId(), Dimension.VERDICT, e.verdict().name(), 1);
        }
    }

    void defined(IndicatorDefined e) {
        if (indicators.add(e.indicatorId())) {
            defined.add(e);
            touched.add(e.initiativeId());
        }
    }

    void measured(MeasurementRecorded e, long sequence) {
        String id = measurementId(e.indicatorId(), sequence);
        if (measurements.add(id)) {
            measured.add(new Measurement(id, e, sequence));
            touched.add(e.initiativeId());
        }
    }

    static String measurementId(String indicatorId, long sequence) {
        return indicatorId + ":" + sequence;
    }

    /** The feedback's row, if the event is the next of its feedback this dashboard has not applied yet. */
    private Feedback next(String feedbackId, long sequence) {
        Feedback row = feedback.get(feedbackId);
        if (row == null || sequence != UNNUMBERED && sequence <= row.lastSequence) {
            return null;
        }
        row.lastSequence = Math.max(row.lastSequence, sequence);
        row.changed = true;
        touched.add(row.initiativeId);
        return row;
    }

    private Decision nextOf(String decisionId, long sequence) {
        Decision row = decisions.get(decisionId);
        if (row == null || sequence != UNNUMBERED && sequence <= row.lastSequence) {
            return null;
        }
        row.lastSequence = Math.max(row.lastSequence, sequence);
        row.changed = true;
        return row;
    }

    private void add(String initiativeId, Figure figure, long amount) {
        add(initiativeId, figure.dimension, figure.item, amount);
    }

    private void add(String initiativeId, Dimension dimension, String item, long amount) {
        counts.merge(new Count(initiativeId, dimension, item), amount, Long::sum);
        touched.add(initiativeId);
    }

    private static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }
}
