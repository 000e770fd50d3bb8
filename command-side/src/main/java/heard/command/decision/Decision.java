package heard.command.decision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import heard.command.catalog.Catalog;
import heard.command.catalog.InitiativeFacts;
import heard.command.refusals.Caps;
import heard.command.refusals.NotFound;
import heard.command.refusals.RuleViolation;
import heard.command.refusals.StateConflict;
import heard.events.Actors;
import heard.events.DecisionEvidenceLinked;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.Verdict;
import heard.limits.InputLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A decision held as a hypothesis that stakeholder insight can revise. Versions count from 1;
 * a revision must name the version it revises, so two leaders revising at once never both win.
 * A SUPPORTED or REFUTED outcome is final (a new hypothesis is a new decision); after an
 * INCONCLUSIVE one the decision may be revised and assessed again. A review date that passes
 * without an assessment records {@link DecisionReviewDue}.
 */
@Aggregate(snapshotTriggerDefinition = "decisionSnapshots")
public class Decision {
    @AggregateIdentifier
    private String decisionId;
    private String initiativeId;
    private int version;
    private String hypothesis;
    private String expectedOutcome;
    private EngagementLevel engagementLevel;
    private LocalDate reviewBy;
    private List<IndicatorTarget> indicators = new ArrayList<>();
    /** In the order linked; declared as what it is, so that a snapshot reads it back as one. */
    private LinkedHashSet<String> evidence = new LinkedHashSet<>();
    private Verdict verdict;
    /** The current version's review date passed unassessed, and that was recorded. */
    private boolean reviewDue;

    protected Decision() {
    }

    @CommandHandler
    public Decision(ProposeDecision command, Catalog catalog, DeadlineManager deadlines) {
        Caps.text("title", command.title(), InputLimits.TITLE);
        requireCappedTexts(command.hypothesis(), command.expectedOutcome(), command.rationale());
        Caps.items("indicators", command.indicators(), InputLimits.INDICATORS_PER_DECISION);
        Caps.items("evidence", command.evidence(), InputLimits.FEEDBACK_IDS);
        InitiativeFacts initiative = catalog.initiative(command.initiativeId())
                .orElseThrow(() -> new NotFound("initiative", command.initiativeId()));
        requireFutureReview(command.reviewBy(), command.at());
        requireOwn(catalog.feedbackOutside(command.initiativeId(), command.evidence()), "evidence", "feedback");
        requireOwnIndicators(catalog, command.initiativeId(), command.indicators());
        List<String> strangers = command.affectedGroups().stream()
                .filter(group -> !initiative.groupCodes().contains(group)).toList();
        requireOwn(strangers, "affectedGroups", "stakeholder groups");
        apply(new DecisionProposed(command.decisionId(), command.initiativeId(), command.title(),
                command.hypothesis(), command.expectedOutcome(), command.engagementLevel(), command.reviewBy(),
                List.copyOf(command.indicators()), command.evidence().stream().distinct().toList(),
                command.affectedGroups().stream().distinct().toList(), command.rationale(), command.at(),
                command.actor()))
                // in a constructor the event reaches the sourcing handlers only after it returns
                .andThen(() -> scheduleReview(deadlines));
    }

    @CommandHandler
    int handle(ReviseDecision command, Catalog catalog, DeadlineManager deadlines) {
        requireCappedTexts(command.hypothesis(), command.expectedOutcome(), command.rationale());
        Caps.items("indicators", command.indicators(), InputLimits.INDICATORS_PER_DECISION);
        Caps.items("triggeredBy", command.triggeredBy(), InputLimits.FEEDBACK_IDS);
        if (command.expectedVersion() != version) {
            throw new StateConflict("This decision is at version " + version + ", not " + command.expectedVersion()
                    + "; read it again and revise the current version");
        }
        if (verdict == Verdict.SUPPORTED || verdict == Verdict.REFUTED) {
            throw new StateConflict("This decision was assessed " + verdict
                    + "; that is final. Propose a new decision to test a new hypothesis");
        }
        List<FieldChange> changes = changes(command);
        if (changes.isEmpty()) {
            throw new RuleViolation("changes", "nothing would change; name at least one field with a new value");
        }
        if (command.reviewBy() != null) {
            requireFutureReview(command.reviewBy(), command.at());
        }
        if (command.indicators() != null) {
            requireOwnIndicators(catalog, initiativeId, command.indicators());
        }
        requireOwn(catalog.feedbackOutside(initiativeId, command.triggeredBy()), "triggeredBy", "feedback");
        apply(new DecisionRevised(decisionId, initiativeId, version + 1, changed(command.hypothesis(), hypothesis),
                changed(command.expectedOutcome(), expectedOutcome),
                changed(command.engagementLevel(), engagementLevel), changed(command.reviewBy(), reviewBy),
                command.indicators() == null || command.indicators().equals(indicators)
                        ? null : List.copyOf(command.indicators()),
                changes, command.rationale(), command.triggeredBy().stream().distinct().toList(), command.at(),
                command.actor()));
        cancelReview(deadlines);
        scheduleReview(deadlines);
        return version;
    }

    @CommandHandler
    void handle(LinkEvidence command, Catalog catalog) {
        Caps.text("note", command.note(), InputLimits.EVIDENCE_NOTE);
        Caps.items("feedbackIds", command.feedbackIds(), InputLimits.FEEDBACK_IDS);
        requireOwn(catalog.feedbackOutside(initiativeId, command.feedbackIds()), "feedbackIds", "feedback");
        List<String> fresh = command.feedbackIds().stream().filter(id -> !evidence.contains(id)).distinct().toList();
        // every version keeps the whole evidence as one list
        if (evidence.size() + fresh.size() > InputLimits.EVIDENCE) {
            throw new RuleViolation("feedbackIds", "a decision holds at most " + InputLimits.EVIDENCE
                    + " pieces of evidence; it has " + evidence.size());
        }
        if (!fresh.isEmpty()) {
            apply(new DecisionEvidenceLinked(decisionId, initiativeId, version, fresh, command.note(), command.at(),
                    command.actor()));
        }
    }

    @CommandHandler
    void handle(AssessOutcome command, DeadlineManager deadlines) {
        Caps.text("observed", command.observed(), InputLimits.OBSERVED);
        Caps.text("note", command.note(), InputLimits.OUTCOME_NOTE);
        if (verdict != null) {
            throw new StateConflict("Version " + version + " of this decision was already assessed " + verdict
                    + (verdict == Verdict.INCONCLUSIVE ? "; revise it before assessing again" : ""));
        }
        apply(new DecisionOutcomeAssessed(decisionId, initiativeId, version, command.verdict(), command.observed(),
                command.note(), command.at(), command.actor()));
        cancelReview(deadlines);
    }

    @DeadlineHandler(deadlineName = ReviewDeadline.NAME)
    void reviewDue(ReviewDeadline deadline) {
        // Quartz runs a deadline at least once (it re-runs one cut short by a crash): record it once
        if (verdict == null && !reviewDue && deadline.version() == version) {
            apply(new DecisionReviewDue(decisionId, initiativeId, version, reviewBy, ReviewDate.passes(reviewBy),
                    Actors.SYSTEM));
        }
    }

    private List<FieldChange> changes(ReviseDecision command) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "hypothesis", hypothesis, command.hypothesis());
        compare(changes, "expectedOutcome", expectedOutcome, command.expectedOutcome());
        compare(changes, "engagementLevel", engagementLevel, command.engagementLevel());
        compare(changes, "reviewBy", reviewBy, command.reviewBy());
        if (command.indicators() != null && !command.indicators().equals(indicators)) {
            changes.add(new FieldChange("indicators", describe(indicators), describe(command.indicators())));
        }
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object current, Object proposed) {
        if (proposed != null && !proposed.equals(current)) {
            changes.add(new FieldChange(field, Objects.toString(current, null), proposed.toString()));
        }
    }

    private static <T> T changed(T proposed, T current) {
        return proposed == null || proposed.equals(current) ? null : proposed;
    }

    static String describe(List<IndicatorTarget> targets) {
        return targets.stream().map(t -> t.indicatorId() + ": " + t.baseline() + " → " + t.target())
                .collect(Collectors.joining("; "));
    }

    private void scheduleReview(DeadlineManager deadlines) {
        deadlines.schedule(ReviewDate.passes(reviewBy), ReviewDeadline.NAME, new ReviewDeadline(version),
                scope(decisionId));
    }

    private void cancelReview(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(ReviewDeadline.NAME, scope(decisionId));
    }

    /** Named explicitly: the implicit scope reached Quartz's deadline manager without its identifier. */
    private static AggregateScopeDescriptor scope(String decisionId) {
        return new AggregateScopeDescriptor(Decision.class.getSimpleName(), decisionId);
    }

    private static void requireCappedTexts(String hypothesis, String expectedOutcome, String rationale) {
        Caps.text("hypothesis", hypothesis, InputLimits.HYPOTHESIS);
        Caps.text("expectedOutcome", expectedOutcome, InputLimits.EXPECTED_OUTCOME);
        Caps.text("rationale", rationale, InputLimits.RATIONALE);
    }

    private static void requireFutureReview(LocalDate reviewBy, Instant now) {
        if (ReviewDate.isPast(reviewBy, now)) {
            throw new RuleViolation("reviewBy", "the review date has passed; choose today or a later day");
        }
    }

    private static void requireOwnIndicators(Catalog catalog, String initiativeId, List<IndicatorTarget> targets) {
        requireOwn(catalog.indicatorsOutside(initiativeId, targets.stream().map(IndicatorTarget::indicatorId).toList()),
                "indicators", "indicators");
        if (targets.stream().map(IndicatorTarget::indicatorId).distinct().count() != targets.size()) {
            throw new RuleViolation("indicators", "name each indicator once");
        }
    }

    private static void requireOwn(List<String> strangers, String field, String what) {
        if (!strangers.isEmpty()) {
            throw new RuleViolation(field, "not " + what + " of this initiative: " + strangers);
        }
    }

    @EventSourcingHandler
    void on(DecisionProposed event) {
        decisionId = event.decisionId();
        initiativeId = event.initiativeId();
        version = 1;
        hypothesis = event.hypothesis();
        expectedOutcome = event.expectedOutcome();
        engagementLevel = event.engagementLevel();
        reviewBy = event.reviewBy();
        indicators = new ArrayList<>(event.indicators());
        evidence.addAll(event.evidence());
    }

    @EventSourcingHandler
    void on(DecisionRevised event) {
        version = event.version();
        hypothesis = Objects.requireNonNullElse(event.hypothesis(), hypothesis);
        expectedOutcome = Objects.requireNonNullElse(event.expectedOutcome(), expectedOutcome);
        engagementLevel = Objects.requireNonNullElse(event.engagementLevel(), engagementLevel);
        reviewBy = Objects.requireNonNullElse(event.reviewBy(), reviewBy);
        if (event.indicators() != null) {
            indicators = new ArrayList<>(event.indicators());
        }
        verdict = null;
        reviewDue = false;
    }

    @EventSourcingHandler
    void on(DecisionEvidenceLinked event) {
        evidence.addAll(event.feedbackIds());
    }

    @EventSourcingHandler
    void on(DecisionOutcomeAssessed event) {
        verdict = event.verdict();
    }

    @EventSourcingHandler
    void on(DecisionReviewDue event) {
        reviewDue = true;
    }
}
