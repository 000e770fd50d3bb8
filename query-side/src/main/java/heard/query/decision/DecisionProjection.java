package heard.query.decision;

import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.FeedbackThemed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Decisions as hypotheses over time: every version as the whole decision stood after it, the
 * evidence linked to it, its outcomes and missed reviews, so that a decision can be read as it
 * stood at any instant and its history told version by version. A decision's events arrive in
 * their order (the processor sequences them per aggregate); every row's id comes from its event,
 * so a redelivered event rewrites the same row.
 */
@Component
@ProcessingGroup("decisions")
class DecisionProjection {
    private final DecisionVersions versions;
    private final EvidenceLinks links;
    private final OutcomeAssessments outcomes;
    private final MissedReviews reviews;
    private final KnownThemes themes;

    DecisionProjection(DecisionVersions versions, EvidenceLinks links, OutcomeAssessments outcomes,
            MissedReviews reviews, KnownThemes themes) {
        this.versions = versions;
        this.links = links;
        this.outcomes = outcomes;
        this.reviews = reviews;
        this.themes = themes;
    }

    @ResetHandler
    void reset() {
        versions.deleteAllInBatch();
        links.deleteAllInBatch();
        outcomes.deleteAllInBatch();
        reviews.deleteAllInBatch();
        themes.deleteAllInBatch();
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
        themes.findById(e.feedbackId())
                .orElseGet(() -> themes.save(new FeedbackThemes(e.feedbackId())))
                .add(e.themes());
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
