package heard.query.decision;

import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.FeedbackThemed;
import heard.query.batching.Upserts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decisions as hypotheses over time: every version as the whole decision stood after it, the
 * evidence linked to it, its outcomes and missed reviews, so that a decision can be read as it
 * stood at any instant and its history told version by version. A decision's events arrive in
 * their order (the processor sequences them per aggregate).
 * <p>
 * <b>Each row is its own mark.</b> Every row's id comes from its event (the decision and version, or the
 * decision and the event's sequence number, which the row also keeps), and each row is written by that event
 * alone, from the event and rows made before it in the decision's stream: a redelivered event writes the same
 * row with the same values, whenever it comes. So the processing group keeps no {@code applied_event} mark,
 * which cost a row per aggregate and a statement per event, mostly for the feedback whose themes it keeps.
 * <p>
 * The themes of the feedback, one event per feedback, are merged per batch and written set-based before the
 * commit, and an event applied again adds nothing (see {@link ThemeWrites}). The decisions' own events are written
 * through JPA, event by event, in the same transaction: a decision has a handful of them in its life, and a
 * revision reads the version before it and the evidence linked since, which the repositories' queries answer as
 * they are; batching them would buy nothing a rebuild could measure.
 */
@Component
@ProcessingGroup("decisions")
class DecisionProjection {
    private final DecisionVersions versions;
    private final EvidenceLinks links;
    private final OutcomeAssessments outcomes;
    private final MissedReviews reviews;
    private final ThemeWrites themes;

    DecisionProjection(DecisionVersions versions, EvidenceLinks links, OutcomeAssessments outcomes,
            MissedReviews reviews, JdbcTemplate db, Upserts upserts) {
        this.versions = versions;
        this.links = links;
        this.outcomes = outcomes;
        this.reviews = reviews;
        this.themes = new ThemeWrites(db, upserts);
    }

    @ResetHandler
    void reset() {
        versions.deleteAllInBatch();
        links.deleteAllInBatch();
        outcomes.deleteAllInBatch();
        reviews.deleteAllInBatch();
        themes.reset();
    }

    @EventHandler
    void on(DecisionProposed e, @SequenceNumber long sequence) {
        versions.save(new DecisionVersion(e.decisionId(), e.initiativeId(), 1, sequence, e.title(), e.hypothesis(),
                e.expectedOutcome(), e.engagementLevel(), e.reviewBy(), e.indicators(), distinct(e.evidence()),
                e.affectedGroups(), e.rationale(), List.of(), List.of(), e.at(), e.actor()));
    }

    /** The new version takes the previous one's values wherever the revision left a field unchanged ({@code null}). */
    @EventHandler
    void on(DecisionRevised e, @SequenceNumber long sequence) {
        DecisionVersion previous = versions.find(e.decisionId(), e.version() - 1).orElse(null);
        versions.save(new DecisionVersion(e.decisionId(), e.initiativeId(), e.version(), sequence,
                previous == null ? null : previous.title(),
                Objects.requireNonNullElse(e.hypothesis(), previous == null ? null : previous.hypothesis()),
                Objects.requireNonNullElse(e.expectedOutcome(), previous == null ? null : previous.expectedOutcome()),
                e.engagementLevel() != null ? e.engagementLevel() : previous == null ? null : previous.engagementLevel(),
                e.reviewBy() != null ? e.reviewBy() : previous == null ? null : previous.reviewBy(),
                e.indicators() != null ? e.indicators() : previous == null ? List.of() : previous.indicators(),
                evidenceBefore(e.decisionId(), sequence),
                previous == null ? List.of() : previous.affectedGroups(),
                e.rationale(), e.changes(), distinct(e.triggeredBy()), e.at(), e.actor()));
    }

    @EventHandler
    void on(DecisionEvidenceLinked e, @SequenceNumber long sequence) {
        links.save(new EvidenceLink(e.decisionId(), e.initiativeId(), e.version(), sequence, distinct(e.feedbackIds()),
                e.note(), e.at(), e.actor()));
    }

    @EventHandler
    void on(DecisionOutcomeAssessed e, @SequenceNumber long sequence) {
        outcomes.save(new OutcomeAssessment(e.decisionId(), e.initiativeId(), e.version(), sequence, e.verdict(),
                e.observed(), e.note(), e.at(), e.actor()));
    }

    @EventHandler
    void on(DecisionReviewDue e, @SequenceNumber long sequence) {
        reviews.save(new MissedReview(e.decisionId(), e.initiativeId(), e.version(), sequence, e.reviewBy(), e.at(),
                e.actor()));
    }

    /** Themes are what a decision's history shows of the feedback behind it. */
    @EventHandler
    void on(FeedbackThemed e) {
        themes.themed(e.feedbackId(), e.themes());
    }

    /**
     * The evidence of the proposal and of every link recorded before the given point of the stream:
     * the same answer however often the revision is delivered, whatever was recorded after it.
     */
    private List<String> evidenceBefore(String decisionId, long sequence) {
        Set<String> evidence = new LinkedHashSet<>(versions.find(decisionId, 1)
                .map(DecisionVersion::evidence).orElse(List.of()));
        links.findByDecisionIdOrderBySequence(decisionId).stream()
                .filter(link -> link.sequence() < sequence)
                .forEach(link -> evidence.addAll(link.feedbackIds()));
        return List.copyOf(evidence);
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }
}
