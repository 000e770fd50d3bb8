package heard.query.receipt;

import heard.events.FeedbackStatus;
import heard.events.FeedbackSubmitted;
import heard.events.FeedbackThemed;
import heard.events.LearningPublished;
import heard.events.ParticipantForgotten;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of events applied in memory to the feed's rows they touch, read once from the database: what then
 * has to be written is the rows made, the stored receipts changed (each once, as it ends up), and the stored
 * rows whose participant was forgotten. See {@link ReturnedLearningProjection} for why each event applies once.
 */
final class ReceiptFold {
    /** A receipt's changing facts, as stored and then as the batch changes them; all of them when it is made here. */
    static final class Receipt {
        final String feedbackId;
        /** The submission that makes it in this batch; null for a stored receipt. */
        final FeedbackSubmitted made;
        FeedbackStatus status;
        List<String> themes;
        Instant forgottenAt;
        boolean wordsGone;
        long lastSequence;
        boolean changed;

        Receipt(String feedbackId, FeedbackSubmitted made, FeedbackStatus status, List<String> themes,
                Instant forgottenAt, long lastSequence) {
            this.feedbackId = feedbackId;
            this.made = made;
            this.status = status;
            this.themes = themes;
            this.forgottenAt = forgottenAt;
            this.lastSequence = lastSequence;
        }
    }

    /** A step to make; its id is given by the event that makes it. */
    static final class Step {
        String stepId;
        final String feedbackId;
        final Instant at;
        final StepKind kind;
        String text;
        List<String> themes = List.of();
        String learningId;
        String learningTitle;
        String decisionId;
        String decisionTitle;
        Integer decisionVersion;

        Step(String feedbackId, Instant at, StepKind kind, String text) {
            this.feedbackId = feedbackId;
            this.at = at;
            this.kind = kind;
            this.text = text;
        }
    }

    static String stepId(String feedbackId, long sequence) {
        return feedbackId + ":" + sequence;
    }

    static String learningStepId(String learningId, String feedbackId) {
        return learningId + ":" + feedbackId;
    }

    static String decisionStepId(String decisionId, long sequence, String feedbackId) {
        return decisionId + ":" + sequence + ":" + feedbackId;
    }

    final Map<String, Receipt> receipts;
    private final Set<String> storedSteps;
    private final Map<String, String> titles;
    final Map<String, String> titlesMade = new LinkedHashMap<>();
    final Map<String, Step> steps = new LinkedHashMap<>();
    /** Feedback whose participant was forgotten: their words go from the rows stored before this batch. */
    final Set<String> forgotten = new LinkedHashSet<>();

    ReceiptFold(Map<String, Receipt> receipts, Set<String> storedSteps, Map<String, String> titles) {
        this.receipts = receipts;
        this.storedSteps = storedSteps;
        this.titles = titles;
    }

    /** A submission met again leaves the receipt as it is: its status and themes are not set back. */
    void submitted(FeedbackSubmitted e, long sequence) {
        if (receipts.containsKey(e.feedbackId())) {
            return;
        }
        receipts.put(e.feedbackId(), new Receipt(e.feedbackId(), e, FeedbackStatus.SUBMITTED, List.of(), null,
                sequence));
        add(stepId(e.feedbackId(), sequence), new Step(e.feedbackId(), e.at(), StepKind.SUBMITTED, null));
    }

    void moved(long sequence, FeedbackStatus status, Step step) {
        if (!applies(step.feedbackId, sequence)) {
            return;
        }
        Receipt receipt = receipts.get(step.feedbackId);
        if (receipt != null) {
            receipt.status = receipt.status.then(status);
        }
        add(stepId(step.feedbackId, sequence), step);
    }

    void themed(FeedbackThemed e, long sequence) {
        if (!applies(e.feedbackId(), sequence)) {
            return;
        }
        Receipt receipt = receipts.get(e.feedbackId());
        if (receipt != null) {
            List<String> all = new ArrayList<>(receipt.themes);
            e.themes().stream().filter(theme -> !all.contains(theme)).forEach(all::add);
            receipt.themes = all;
        }
        Step step = new Step(e.feedbackId(), e.at(), StepKind.THEMED, null);
        step.themes = e.themes();
        add(stepId(e.feedbackId(), sequence), step);
    }

    void forgotten(ParticipantForgotten e, long sequence) {
        if (!applies(e.feedbackId(), sequence)) {
            return;
        }
        Receipt receipt = receipts.get(e.feedbackId());
        if (receipt != null) {
            receipt.wordsGone = true;
            receipt.forgottenAt = e.at();
        }
        forgotten.add(e.feedbackId());
        steps.values().stream().filter(step -> step.feedbackId.equals(e.feedbackId()) && step.kind.isPersonal())
                .forEach(step -> step.text = null);
        add(stepId(e.feedbackId(), sequence), new Step(e.feedbackId(), e.at(), StepKind.FORGOTTEN, null));
    }

    void learningPublished(LearningPublished e) {
        for (String feedbackId : e.feedbackIds()) {
            Step step = new Step(feedbackId, e.at(), StepKind.LEARNING_PUBLISHED, e.whatWeDecided());
            step.learningId = e.learningId();
            step.learningTitle = e.title();
            add(learningStepId(e.learningId(), feedbackId), step);
        }
    }

    void titled(String decisionId, String title) {
        if (!titles.containsKey(decisionId)) {
            titles.put(decisionId, title);
            titlesMade.put(decisionId, title);
        }
    }

    /** The decision's events come in their order, so its title is known by the time a revision or link arrives. */
    void decisionSteps(String decisionId, long sequence, List<String> feedbackIds, Instant at, StepKind kind,
            String text, int version) {
        if (feedbackIds == null) {
            return;
        }
        for (String feedbackId : feedbackIds.stream().distinct().toList()) {
            Step step = new Step(feedbackId, at, kind, text);
            step.decisionId = decisionId;
            step.decisionTitle = titles.get(decisionId);
            step.decisionVersion = version;
            add(decisionStepId(decisionId, sequence, feedbackId), step);
        }
    }

    /** False for an event of the feedback at or below the last one applied to its receipt: a redelivery. */
    private boolean applies(String feedbackId, long sequence) {
        Receipt receipt = receipts.get(feedbackId);
        if (receipt == null) {
            return true;
        }
        if (sequence <= receipt.lastSequence) {
            return false;
        }
        receipt.lastSequence = sequence;
        receipt.changed = true;
        return true;
    }

    /** A step already stored, or already made in this batch, is not made again. */
    private void add(String stepId, Step step) {
        if (!storedSteps.contains(stepId) && !steps.containsKey(stepId)) {
            step.stepId = stepId;
            steps.put(stepId, step);
        }
    }
}
