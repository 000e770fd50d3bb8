package heard.query.inbox;

import heard.events.FeedbackStatus;
import heard.events.FeedbackSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch of events applied in memory to the inbox rows they touch, read once from the database: what then has
 * to be written is the rows made, the stored rows changed (each once, as it ends up), and the stored rows whose
 * participant was forgotten. See {@link InboxProjection} for why each event applies once.
 */
final class InboxFold {
    /** A row's changing facts, as stored and then as the batch changes them; all of them when it is made here. */
    static final class Item {
        final String feedbackId;
        /** The submission that makes it in this batch; null for a stored row. */
        final FeedbackSubmitted made;
        /** The participant's words and contact: only known, and only written, for a row made here. */
        String text;
        String contact;
        FeedbackStatus status;
        Instant acknowledgedAt;
        String acknowledgedBy;
        String summary;
        String summarizedBy;
        String correction;
        List<String> themes;
        List<String> themedBy;
        Instant loopClosedAt;
        Instant forgottenAt;
        long lastSequence;
        boolean changed;

        /** A row made by its submission. */
        Item(FeedbackSubmitted made, long sequence) {
            this.feedbackId = made.feedbackId();
            this.made = made;
            this.text = made.text();
            this.contact = made.followUpConsent() ? made.contact() : null;
            this.status = FeedbackStatus.SUBMITTED;
            this.themes = List.of();
            this.themedBy = List.of();
            this.lastSequence = sequence;
        }

        /** A stored row; its words and contact are not read. */
        Item(String feedbackId, FeedbackStatus status, long lastSequence) {
            this.feedbackId = feedbackId;
            this.made = null;
            this.status = status;
            this.lastSequence = lastSequence;
        }

        void acknowledged(Instant at, String by) {
            acknowledgedAt = at;
            acknowledgedBy = by;
            status = status.then(FeedbackStatus.ACKNOWLEDGED);
        }

        void summarized(String text, String by) {
            summary = text;
            summarizedBy = by;
            status = status.then(FeedbackStatus.UNDERSTANDING_SUMMARIZED);
        }

        void confirmed() {
            status = status.then(FeedbackStatus.CONFIRMED);
        }

        void corrected(String text) {
            correction = text;
            status = status.then(FeedbackStatus.CORRECTED);
        }

        void themed(List<String> more, String by) {
            if (!themedBy.contains(by)) {
                themedBy = new ArrayList<>(themedBy);
                themedBy.add(by);
            }
            List<String> all = new ArrayList<>(themes);
            more.stream().filter(theme -> !all.contains(theme)).forEach(all::add);
            themes = all;
        }

        void forgotten(Instant at) {
            text = null;
            contact = null;
            summary = null;
            correction = null;
            forgottenAt = at;
        }

        void loopClosed(Instant at) {
            loopClosedAt = at;
            status = FeedbackStatus.LOOP_CLOSED;
        }
    }

    final Map<String, Item> items;
    /** Stored rows whose participant was forgotten: their words and contact go. */
    final Set<String> forgotten = new LinkedHashSet<>();

    InboxFold(Map<String, Item> items) {
        this.items = items;
    }

    /** A submission met again leaves the row as it is: its status is not set back. */
    void submitted(FeedbackSubmitted e, long sequence) {
        items.putIfAbsent(e.feedbackId(), new Item(e, sequence));
    }

    /**
     * Applies a later event of the feedback to its row, unless it is at or below the last one applied to it (a
     * redelivery). An event of a feedback without a row changes nothing.
     */
    void moved(String feedbackId, long sequence, Consumer<Item> change) {
        Item item = items.get(feedbackId);
        if (item == null || sequence <= item.lastSequence) {
            return;
        }
        item.lastSequence = sequence;
        item.changed = true;
        change.accept(item);
    }

    void forgotten(String feedbackId, long sequence, Instant at) {
        moved(feedbackId, sequence, item -> {
            item.forgotten(at);
            if (item.made == null) {
                forgotten.add(feedbackId);
            }
        });
    }
}
