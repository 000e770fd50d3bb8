package heard.query.decision;

import heard.query.decision.DecisionHistory.Feedback;
import heard.query.decision.DecisionHistory.Kind;
import heard.query.decision.DecisionHistory.Step;
import heard.query.initiative.InitiativeViews;
import heard.query.staff.StaffNames;
import heard.query.web.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads decisions from what the projection recorded: as they stand now, as they stood at any
 * instant, and step by step.
 */
@Service
@Transactional(readOnly = true)
public class DecisionReader {
    private final DecisionVersions versions;
    private final EvidenceLinks links;
    private final OutcomeAssessments outcomes;
    private final MissedReviews reviews;
    private final KnownThemes themes;
    private final InitiativeViews initiatives;
    private final StaffNames staffNames;

    DecisionReader(DecisionVersions versions, EvidenceLinks links, OutcomeAssessments outcomes, MissedReviews reviews,
            KnownThemes themes, InitiativeViews initiatives, StaffNames staffNames) {
        this.versions = versions;
        this.links = links;
        this.outcomes = outcomes;
        this.reviews = reviews;
        this.themes = themes;
        this.initiatives = initiatives;
        this.staffNames = staffNames;
    }

    /** The decision as it stands now; empty for an unknown id. */
    public Optional<DecisionAnswer> current(String decisionId) {
        return facts(decisionId).asOf(null);
    }

    /** The decision exactly as it stood at {@code instant}; empty for an unknown id or before its proposal. */
    public Optional<DecisionAnswer> asOf(String decisionId, Instant instant) {
        return facts(decisionId).asOf(instant);
    }

    /** Every step of the decision in time order; empty for an unknown id. */
    public Optional<DecisionHistory> history(String decisionId) {
        Facts facts = facts(decisionId);
        if (facts.versions().isEmpty()) {
            return Optional.empty();
        }
        DecisionVersion latest = facts.versions().get(facts.versions().size() - 1);
        Function<List<String>, List<Feedback>> feedback = feedbackWithThemes(facts);
        Map<String, String> names = new HashMap<>();
        Function<String, String> name = author -> names.computeIfAbsent(author, staffNames::of);
        List<Timed> timed = new ArrayList<>();
        for (DecisionVersion v : facts.versions()) {
            boolean proposal = v.version() == 1;
            timed.add(new Timed(v.at(), v.sequence(), new Step(proposal ? Kind.PROPOSED : Kind.REVISED, v.version(),
                    v.at(), v.author(), name.apply(v.author()), versionOf(v), proposal ? null : v.changes(),
                    v.rationale(), proposal ? null : feedback.apply(v.triggeredBy()),
                    proposal ? feedback.apply(v.evidence()) : null, null, null, null, null)));
        }
        for (EvidenceLink l : facts.links()) {
            timed.add(new Timed(l.at(), l.sequence(), new Step(Kind.EVIDENCE_LINKED, l.version(), l.at(), l.author(),
                    name.apply(l.author()), null, null, null, null, feedback.apply(l.feedbackIds()), l.note(), null,
                    null, null)));
        }
        for (OutcomeAssessment o : facts.outcomes()) {
            timed.add(new Timed(o.at(), o.sequence(), new Step(Kind.OUTCOME_ASSESSED, o.version(), o.at(), o.author(),
                    name.apply(o.author()), null, null, null, null, null, o.note(), o.verdict(), o.observed(), null)));
        }
        for (MissedReview r : facts.reviews()) {
            timed.add(new Timed(r.at(), r.sequence(), new Step(Kind.REVIEW_DUE, r.version(), r.at(), r.author(),
                    name.apply(r.author()), null, null, null, null, null, null, null, null, r.reviewBy())));
        }
        timed.sort(Comparator.comparing(Timed::at).thenComparingLong(Timed::sequence));
        return Optional.of(new DecisionHistory(decisionId, latest.initiativeId(), latest.title(), latest.version(),
                timed.stream().map(Timed::step).toList()));
    }

    /** The decisions of an initiative as they stand now, the most recently proposed first. */
    public List<DecisionSummary> ofInitiative(String initiativeId) {
        if (!initiatives.existsById(initiativeId)) {
            throw new NotFound("initiative", initiativeId);
        }
        Map<String, List<EvidenceLink>> linksOf = links.findByInitiativeId(initiativeId).stream()
                .collect(Collectors.groupingBy(EvidenceLink::decisionId));
        Map<String, List<OutcomeAssessment>> outcomesOf = outcomes.findByInitiativeId(initiativeId).stream()
                .collect(Collectors.groupingBy(OutcomeAssessment::decisionId));
        Map<String, List<MissedReview>> reviewsOf = reviews.findByInitiativeId(initiativeId).stream()
                .collect(Collectors.groupingBy(MissedReview::decisionId));
        return versions.findByInitiativeId(initiativeId).stream()
                .collect(Collectors.groupingBy(DecisionVersion::decisionId)).entrySet().stream()
                .map(decision -> new Facts(
                        decision.getValue().stream().sorted(Comparator.comparingInt(DecisionVersion::version)).toList(),
                        bySequence(linksOf.get(decision.getKey()), EvidenceLink::sequence),
                        bySequence(outcomesOf.get(decision.getKey()), OutcomeAssessment::sequence),
                        bySequence(reviewsOf.get(decision.getKey()), MissedReview::sequence)).asOf(null))
                .flatMap(Optional::stream)
                .map(DecisionSummary::of)
                .sorted(Comparator.comparing(DecisionSummary::proposedAt).reversed()
                        .thenComparing(DecisionSummary::decisionId))
                .toList();
    }

    private Facts facts(String decisionId) {
        return new Facts(versions.findByDecisionIdOrderByVersion(decisionId),
                links.findByDecisionIdOrderBySequence(decisionId),
                outcomes.findByDecisionIdOrderBySequence(decisionId),
                reviews.findByDecisionIdOrderBySequence(decisionId));
    }

    private Function<List<String>, List<Feedback>> feedbackWithThemes(Facts facts) {
        Set<String> named = new LinkedHashSet<>();
        facts.versions().forEach(v -> {
            named.addAll(v.evidence());
            named.addAll(v.triggeredBy());
        });
        facts.links().forEach(l -> named.addAll(l.feedbackIds()));
        Map<String, List<String>> known = themes.findAllById(named).stream()
                .collect(Collectors.toMap(FeedbackThemes::feedbackId, FeedbackThemes::themes));
        return ids -> ids.stream().map(id -> new Feedback(id, known.getOrDefault(id, List.of()))).toList();
    }

    private static DecisionHistory.Version versionOf(DecisionVersion v) {
        return new DecisionHistory.Version(v.title(), v.hypothesis(), v.expectedOutcome(), v.engagementLevel(),
                v.reviewBy(), v.indicators(), v.evidence(), v.affectedGroups());
    }

    private static <T> List<T> bySequence(List<T> rows, java.util.function.ToLongFunction<T> sequence) {
        return rows == null ? List.of() : rows.stream().sorted(Comparator.comparingLong(sequence)).toList();
    }

    private record Timed(Instant at, long sequence, Step step) {
    }

    /** All that was recorded of one decision, each list in the order of its stream. */
    private record Facts(List<DecisionVersion> versions, List<EvidenceLink> links, List<OutcomeAssessment> outcomes,
            List<MissedReview> reviews) {

        /** As it stood at {@code instant}, or as it stands now when {@code instant} is null. */
        Optional<DecisionAnswer> asOf(Instant instant) {
            Optional<DecisionVersion> inForce = versions.stream().filter(v -> byThen(v.at(), instant))
                    .max(Comparator.comparingInt(DecisionVersion::version));
            if (inForce.isEmpty()) {
                return Optional.empty();
            }
            DecisionVersion v = inForce.get();
            DecisionVersion proposal = versions.stream().filter(p -> p.version() == 1).findFirst().orElse(v);
            Set<String> evidence = new LinkedHashSet<>(proposal.evidence());
            links.stream().filter(l -> byThen(l.at(), instant)).forEach(l -> evidence.addAll(l.feedbackIds()));
            List<OutcomeAssessment> assessed = outcomes.stream().filter(o -> byThen(o.at(), instant)).toList();
            DecisionAnswer.Outcome outcome = assessed.isEmpty() ? null
                    : DecisionAnswer.Outcome.of(assessed.get(assessed.size() - 1));
            DecisionAnswer.ReviewDue reviewDue = reviews.stream()
                    .filter(r -> byThen(r.at(), instant) && r.version() == v.version())
                    .filter(r -> assessed.stream().noneMatch(o -> o.version() == r.version()))
                    .reduce((first, second) -> second).map(DecisionAnswer.ReviewDue::of).orElse(null);
            return Optional.of(new DecisionAnswer(v.decisionId(), v.initiativeId(), v.title(), v.version(),
                    v.hypothesis(), v.expectedOutcome(), v.engagementLevel(), v.reviewBy(), v.indicators(),
                    List.copyOf(evidence), v.affectedGroups(), outcome, reviewDue, proposal.at(),
                    v.version() > 1 ? v.at() : null));
        }

        private static boolean byThen(Instant at, Instant instant) {
            return instant == null || !at.isAfter(instant);
        }
    }
}
