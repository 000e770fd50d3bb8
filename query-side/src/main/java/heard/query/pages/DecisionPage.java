package heard.query.pages;

import heard.events.Direction;
import heard.events.EngagementLevel;
import heard.events.FieldChange;
import heard.events.IndicatorTarget;
import heard.events.StakeholderGroup;
import heard.events.Verdict;
import heard.query.decision.DecisionAnswer;
import heard.query.decision.DecisionHistory;
import heard.query.decision.DecisionHistory.Kind;
import heard.query.decision.DecisionReader;
import heard.query.indicator.IndicatorReader;
import heard.query.indicator.IndicatorSeries;
import heard.query.initiative.InitiativeView;
import heard.query.initiative.InitiativeViews;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * A decision's public page: where it stands, how much say stakeholders have in it, what came of
 * it, and every version on its way there, with what changed from what to what, why, and which
 * feedback (by a short id and its themes, never its words) moved it.
 */
@Controller
class DecisionPage {
    /** The fields a revision may change, in the words of the page ({@code decision.field.*}). */
    static final List<String> FIELDS = List.of("hypothesis", "expectedOutcome", "engagementLevel", "reviewBy",
            "indicators");

    private final DecisionReader decisions;
    private final InitiativeViews initiatives;
    private final IndicatorReader indicators;

    DecisionPage(DecisionReader decisions, InitiativeViews initiatives, IndicatorReader indicators) {
        this.decisions = decisions;
        this.initiatives = initiatives;
        this.indicators = indicators;
    }

    /** One snapshot for where it stands and its history, so the page never shows a step its top has not reached. */
    @GetMapping("/decisions/{decisionId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ModelAndView decision(@PathVariable String decisionId, Locale locale) {
        Optional<DecisionAnswer> found = decisions.current(decisionId);
        Optional<DecisionHistory> history = decisions.history(decisionId);
        if (found.isEmpty() || history.isEmpty()) {
            return Pages.notFound();
        }
        DecisionAnswer now = found.get();
        Optional<InitiativeView> initiative = initiatives.findById(now.initiativeId());
        Map<String, IndicatorSeries> named = new HashMap<>();
        Numbers numbers = new Numbers(locale);
        return new ModelAndView("decision")
                .addObject("d", now)
                .addObject("initiative", initiative.orElse(null))
                .addObject("affectedGroups", now.affectedGroups().stream()
                        .map(code -> groupName(initiative, code)).toList())
                .addObject("indicators", lines(now.indicators(), named, numbers))
                .addObject("steps", steps(history.get(), named, numbers));
    }

    private List<Entry> steps(DecisionHistory history, Map<String, IndicatorSeries> named, Numbers numbers) {
        Map<Integer, DecisionHistory.Version> versions = new HashMap<>();
        history.steps().stream().filter(s -> s.decision() != null).forEach(s -> versions.put(s.version(), s.decision()));
        List<Entry> entries = new ArrayList<>();
        for (DecisionHistory.Step step : history.steps()) {
            List<Change> changes = step.step() != Kind.REVISED ? List.of() : step.changes().stream()
                    .map(change -> change(change, versions.get(step.version() - 1), step.decision(), named, numbers))
                    .toList();
            List<FeedbackLine> feedback = feedback(step.step() == Kind.REVISED ? step.triggeredBy() : step.evidence());
            entries.add(new Entry(step.step(), step.version(), step.at(), step.author(), step.authorName(),
                    step.rationale(), changes, feedback, step.note(), step.verdict(), step.observed(), step.reviewBy()));
        }
        return entries;
    }

    /**
     * One change as people read it. The field's values come from the versions before and after it
     * where the page can say them better (an engagement level in words, indicators by name); the
     * recorded text of the change otherwise.
     */
    private Change change(FieldChange change, DecisionHistory.Version before, DecisionHistory.Version after,
            Map<String, IndicatorSeries> named, Numbers numbers) {
        String field = FIELDS.contains(change.field()) ? change.field() : null;
        boolean known = before != null && after != null;
        return switch (field == null ? "" : field) {
            case "engagementLevel" -> new Change(field, change.field(), change.from(), change.to(),
                    known ? before.engagementLevel() : null, known ? after.engagementLevel() : null, null, null,
                    List.of(), List.of());
            case "reviewBy" -> new Change(field, change.field(), change.from(), change.to(), null, null,
                    known ? before.reviewBy() : null, known ? after.reviewBy() : null, List.of(), List.of());
            case "indicators" -> new Change(field, change.field(), change.from(), change.to(), null, null, null, null,
                    known ? lines(before.indicators(), named, numbers) : List.of(),
                    known ? lines(after.indicators(), named, numbers) : List.of());
            default -> new Change(field, change.field(), change.from(), change.to(), null, null, null, null,
                    List.of(), List.of());
        };
    }

    private List<IndicatorLine> lines(List<IndicatorTarget> targets, Map<String, IndicatorSeries> named,
            Numbers numbers) {
        return targets.stream().map(t -> {
            IndicatorSeries series = named.computeIfAbsent(t.indicatorId(),
                    id -> indicators.one(id).orElse(null));
            return new IndicatorLine(series == null ? t.indicatorId() : series.name(),
                    series == null ? null : series.unit(), series == null ? null : series.direction(),
                    numbers.format(t.baseline()), numbers.format(t.target()));
        }).toList();
    }

    private static List<FeedbackLine> feedback(List<DecisionHistory.Feedback> feedback) {
        return feedback == null ? List.of() : feedback.stream()
                .map(f -> new FeedbackLine(f.feedbackId(), shortId(f.feedbackId()), f.themes())).toList();
    }

    /** Enough of an id to tell pieces of feedback apart on the page. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    private static String groupName(Optional<InitiativeView> initiative, String code) {
        return initiative.flatMap(i -> i.stakeholderGroups().stream().filter(g -> g.code().equals(code)).findFirst())
                .map(StakeholderGroup::name).orElse(code);
    }

    /** Numbers in the reader's language, without needless decimals (35, 2.5, 2,5). */
    private record Numbers(Locale locale) {
        String format(double value) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(4);
            return format.format(value);
        }
    }

    /** A step of the timeline, ready to show; only the fields of its kind are set. */
    record Entry(Kind kind, int version, Instant at, String author, String authorName, String rationale,
            List<Change> changes, List<FeedbackLine> feedback, String note, Verdict verdict, String observed,
            LocalDate reviewBy) {
    }

    /**
     * What a revision changed: {@code field} is one the page has words for (else null, and
     * {@code name} is shown as recorded); the typed values are set where the page shows them better
     * than the recorded text {@code from} → {@code to}.
     */
    record Change(String field, String name, String from, String to, EngagementLevel fromLevel,
            EngagementLevel toLevel, LocalDate fromDate, LocalDate toDate, List<IndicatorLine> fromIndicators,
            List<IndicatorLine> toIndicators) {
    }

    record IndicatorLine(String name, String unit, Direction direction, String baseline, String target) {
    }

    record FeedbackLine(String feedbackId, String shortId, List<String> themes) {
    }
}
