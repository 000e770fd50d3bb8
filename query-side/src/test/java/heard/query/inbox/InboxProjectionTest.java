package heard.query.inbox;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.feedback;
import static heard.query.LoopEvents.hoursAfterT0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import heard.events.FeedbackStatus;
import heard.query.LoopEvents;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

@ProjectionTest
@Import(InboxProjection.class)
class InboxProjectionTest {
    private static final String INITIATIVE = "initiative-1";
    /** The moment the facilitator opens the inbox. */
    private static final Instant NOW = hoursAfterT0(100);
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 20);

    @Autowired
    InboxProjection projection;
    @Autowired
    InboxItems items;
    @Autowired
    EventDelivery delivery;

    @Test
    void contactDataIsKeptOnlyWithConsentToFollowUp() {
        submit(feedback("consented", INITIATIVE).withContact("ana@example.org", true), T0);
        submit(feedback("declined", INITIATIVE).withContact("ben@example.org", false), hoursAfterT0(1));

        assertThat(entries(null, null, null)).extracting(InboxEntry::feedbackId, InboxEntry::contact)
                .containsExactly(
                        tuple("consented", "ana@example.org"),
                        tuple("declined", null));
    }

    @Test
    void aForgottenParticipantsWordsAndContactGoWhileTheirPlaceInTheLoopStays() {
        LoopEvents loop = submit(feedback("forgotten", INITIATIVE).withContact("ana@example.org", true), T0);
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "Ana wants a guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.corrected(1, "In the afternoon", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(4), "safety"), 4));

        delivery.deliver(() -> projection.on(loop.forgotten(hoursAfterT0(5)), 5));

        InboxEntry entry = entries(null, null, null).get(0);
        assertThat(entry.text()).isNull();
        assertThat(entry.contact()).isNull();
        assertThat(entry.summary()).isNull();
        assertThat(entry.correction()).isNull();
        assertThat(entry.forgottenAt()).isEqualTo(hoursAfterT0(5));
        assertThat(entry.status()).isEqualTo(FeedbackStatus.CORRECTED);
        assertThat(entry.themes()).containsExactly("safety");
    }

    @Test
    void filtersByStatus() {
        submit(feedback("waiting", INITIATIVE), T0);
        LoopEvents answered = submit(feedback("answered", INITIATIVE), hoursAfterT0(1));
        delivery.deliver(() -> projection.on(answered.acknowledged(hoursAfterT0(2)), 1));

        assertThat(idsWhere(FeedbackStatus.ACKNOWLEDGED, null, null)).containsExactly("answered");
        assertThat(idsWhere(FeedbackStatus.SUBMITTED, null, null)).containsExactly("waiting");
        assertThat(idsWhere(FeedbackStatus.CONFIRMED, null, null)).isEmpty();
    }

    @Test
    void filtersByStakeholderGroup() {
        submit(feedback("from-parent", INITIATIVE).fromGroup("parents"), T0);
        submit(feedback("from-staff", INITIATIVE).fromGroup("staff"), hoursAfterT0(1));

        assertThat(idsWhere(null, "staff", null)).containsExactly("from-staff");
        assertThat(idsWhere(null, "parents", null)).containsExactly("from-parent");
    }

    @Test
    void unacknowledgedFeedbackPastItsTargetIsOverdue() {
        LoopEvents late = feedback("late", INITIATIVE);
        LoopEvents answered = feedback("answered", INITIATIVE);
        LoopEvents dueNow = feedback("due-now", INITIATIVE);
        LoopEvents fresh = feedback("fresh", INITIATIVE);
        delivery.deliver(() -> projection.on(late.submitted(T0, hoursAfterT0(72)), 0));
        delivery.deliver(() -> projection.on(answered.submitted(hoursAfterT0(1), hoursAfterT0(73)), 0));
        delivery.deliver(() -> projection.on(answered.acknowledged(hoursAfterT0(90)), 1));
        delivery.deliver(() -> projection.on(dueNow.submitted(hoursAfterT0(2), NOW), 0));
        delivery.deliver(() -> projection.on(fresh.submitted(hoursAfterT0(50), hoursAfterT0(122)), 0));

        assertThat(idsWhere(null, null, true)).containsExactly("late");
        assertThat(idsWhere(null, null, false)).containsExactly("answered", "due-now", "fresh");
        assertThat(entries(null, null, null)).extracting(InboxEntry::feedbackId, InboxEntry::overdue).containsExactly(
                tuple("late", true),
                tuple("answered", false),
                tuple("due-now", false),
                tuple("fresh", false));
    }

    @Test
    void acknowledgedFeedbackIsNeverOverdueEvenWhenAcknowledgedLate() {
        LoopEvents slow = submit(feedback("slow", INITIATIVE), T0);
        delivery.deliver(() -> projection.on(slow.acknowledged(hoursAfterT0(80)), 1));

        assertThat(idsWhere(null, null, true)).isEmpty();
        assertThat(entries(null, null, false)).singleElement().satisfies(entry -> {
            assertThat(entry.overdue()).isFalse();
            assertThat(entry.acknowledgedAt()).isEqualTo(hoursAfterT0(80));
        });
    }

    @Test
    void feedbackAnsweredByALearningIsNotOverdueThoughNeverAcknowledged() {
        LoopEvents answered = submit(feedback("answered-by-learning", INITIATIVE), T0);
        delivery.deliver(() -> projection.on(answered.loopClosed("learning-1", hoursAfterT0(90)), 1));

        assertThat(idsWhere(null, null, true)).isEmpty();
        assertThat(idsWhere(null, null, false)).containsExactly("answered-by-learning");
        assertThat(entries(null, null, null)).singleElement().extracting(InboxEntry::overdue).isEqualTo(false);
    }

    @Test
    void filtersCombine() {
        submit(feedback("parent-overdue", INITIATIVE).fromGroup("parents"), T0);
        submit(feedback("staff-overdue", INITIATIVE).fromGroup("staff"), hoursAfterT0(1));
        submit(feedback("parent-fresh", INITIATIVE).fromGroup("parents"), hoursAfterT0(60));

        assertThat(idsWhere(FeedbackStatus.SUBMITTED, "parents", true)).containsExactly("parent-overdue");
        assertThat(idsWhere(FeedbackStatus.SUBMITTED, "parents", false)).containsExactly("parent-fresh");
    }

    @Test
    void pagesOldestFirstWithoutGapsOrRepeats() {
        for (int i = 1; i <= 5; i++) {
            submit(feedback("feedback-" + i, INITIATIVE), hoursAfterT0(i));
        }

        Page<InboxItem> first = items.find(INITIATIVE, null, null, null, NOW, PageRequest.of(0, 2));
        Page<InboxItem> second = items.find(INITIATIVE, null, null, null, NOW, PageRequest.of(1, 2));
        Page<InboxItem> last = items.find(INITIATIVE, null, null, null, NOW, PageRequest.of(2, 2));

        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("feedback-1", "feedback-2");
        assertThat(ids(second)).containsExactly("feedback-3", "feedback-4");
        assertThat(ids(last)).containsExactly("feedback-5");
        assertThat(last.isLast()).isTrue();
    }

    @Test
    void feedbackOfOtherInitiativesIsNotInTheInbox() {
        submit(feedback("mine", INITIATIVE), T0);
        submit(feedback("theirs", "initiative-2"), T0);

        assertThat(idsWhere(null, null, null)).containsExactly("mine");
    }

    @Test
    void followsTheLoopToItsClose() {
        LoopEvents loop = submit(feedback("feedback-1", INITIATIVE), T0);
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.corrected(1, "In the afternoon", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(loop.summarized(2, "You want an afternoon guard", hoursAfterT0(4)), 4));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(5), "transport"), 5));
        delivery.deliver(() -> projection.on(loop.themed(hoursAfterT0(5), "transport", "safety"), 6));
        delivery.deliver(() -> projection.on(loop.loopClosed("learning-1", hoursAfterT0(6)), 7));

        InboxEntry entry = entries(null, null, null).get(0);

        assertThat(entry.status()).isEqualTo(FeedbackStatus.LOOP_CLOSED);
        assertThat(entry.text()).isEqualTo("Words of feedback-1");
        assertThat(entry.submittedBy()).isEqualTo("participant");
        assertThat(entry.summary()).isEqualTo("You want an afternoon guard");
        assertThat(entry.correction()).isEqualTo("In the afternoon");
        assertThat(entry.themes()).containsExactly("transport", "safety");
        assertThat(entry.loopClosedAt()).isEqualTo(hoursAfterT0(6));
    }

    @Test
    void aLateConfirmationKeepsTheLoopClosed() {
        LoopEvents loop = submit(feedback("feedback-1", INITIATIVE), T0);
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.summarized(1, "You want a crossing guard", hoursAfterT0(2)), 2));
        delivery.deliver(() -> projection.on(loop.loopClosed("learning-1", hoursAfterT0(3)), 3));
        delivery.deliver(() -> projection.on(loop.confirmed(1, hoursAfterT0(4)), 4));

        assertThat(idsWhere(FeedbackStatus.LOOP_CLOSED, null, null)).containsExactly("feedback-1");
        assertThat(idsWhere(FeedbackStatus.CONFIRMED, null, null)).isEmpty();
    }

    @Test
    void aRedeliveredSubmissionDoesNotSetTheLoopBack() {
        LoopEvents loop = submit(feedback("feedback-1", INITIATIVE), T0);
        delivery.deliver(() -> projection.on(loop.acknowledged(hoursAfterT0(1)), 1));
        delivery.deliver(() -> projection.on(loop.submitted(T0), 0));

        assertThat(entries(null, null, null)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
            assertThat(entry.acknowledgedAt()).isEqualTo(hoursAfterT0(1));
        });
    }

    private LoopEvents submit(LoopEvents loop, Instant at) {
        delivery.deliver(() -> projection.on(loop.submitted(at), 0));
        return loop;
    }

    private List<InboxEntry> entries(FeedbackStatus status, String group, Boolean overdue) {
        return items.find(INITIATIVE, status, group, overdue, NOW, FIRST_PAGE).map(item -> item.toEntry(NOW))
                .getContent();
    }

    private List<String> idsWhere(FeedbackStatus status, String group, Boolean overdue) {
        return entries(status, group, overdue).stream().map(InboxEntry::feedbackId).toList();
    }

    private static List<String> ids(Page<InboxItem> page) {
        return page.map(item -> item.toEntry(NOW).feedbackId()).getContent();
    }
}
