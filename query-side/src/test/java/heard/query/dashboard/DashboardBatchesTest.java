package heard.query.dashboard;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionReviewDue;
import heard.events.Direction;
import heard.events.EngagementLevel;
import heard.events.FeedbackSubmitted;
import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import heard.events.Verdict;
import heard.query.DecisionEvents;
import heard.query.LoopEvents;
import heard.query.batching.Upserts;
import heard.query.config.AppliedAlone;
import heard.query.config.CountedDatabase;
import heard.query.config.OnBothDatabases;
import heard.query.dashboard.DashboardView.Timing;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dashboard fed as a processor feeds it: many events in one committed transaction, on H2 (the standalone
 * app) and on PostgreSQL (the distributed query side). Figures are counted once when the whole batch comes
 * again; and a batch holding one event that cannot be stored fails as a whole at its commit, then, applied
 * again one event per transaction as the projections' parking does, counts every other event.
 */
class DashboardBatchesTest extends OnBothDatabases {
    private static final Instant NOW = hoursAfterT0(100);
    private static final List<String> INITIATIVES = List.of("initiative-a", "initiative-b", "initiative-c");

    /** A fresh, migrated read-model schema on the vendor, and the dashboard's parts over it. */
    private final class Dashboard extends CountedDatabase {
        final DashboardProjection projection;
        final DashboardReader reader;
        final FeedbackRecords records;

        Dashboard(String vendor) throws SQLException {
            super(vendor, postgres);
            projection = new DashboardProjection(db, new DashboardRows(db, new Upserts(dataSource)));
            reader = new DashboardReader(db, 5);
            records = new FeedbackRecords(db);
        }

        /** The events in one transaction, as one batch of a processor. */
        void batch(List<EventMessage<?>> events) {
            transaction.executeWithoutResult(status -> events.forEach(this::handle));
        }

        void handle(EventMessage<?> event) {
            DashboardMessages.handle(projection, event);
        }

        DashboardView view(String initiativeId) {
            return reader.dashboard(initiativeId, NOW, true);
        }
    }

    /**
     * Per initiative: a launch, ten submissions (parents 6, staff 4; WEB and SMS 5 each), eight acknowledged
     * after 1..8 hours, themes, four confirmed (one after a correction), four loops closed, a decision
     * proposed, revised to another level, due for review and assessed, an indicator and a measurement; the
     * initiatives' events interleaved, as they arrive.
     */
    private static List<EventMessage<?>> story() {
        DashboardMessages messages = new DashboardMessages();
        List<List<Object>> phases = new ArrayList<>();
        for (int phase = 0; phase < 7; phase++) {
            phases.add(new ArrayList<>());
        }
        for (String initiative : INITIATIVES) {
            phases.get(0).add(launched(initiative, "Figures of " + initiative, T0.minusSeconds(60)));
            for (int j = 0; j < 10; j++) {
                LoopEvents loop = LoopEvents.feedback(initiative + "-feedback-" + j, initiative)
                        .fromGroup(j < 6 ? "parents" : "staff");
                FeedbackSubmitted submitted = loop.submitted(T0);
                phases.get(1).add(new FeedbackSubmitted(submitted.feedbackId(), initiative, submitted.text(),
                        j % 2 == 0 ? Channel.WEB : Channel.SMS, "en", submitted.stakeholderGroup(), null, false,
                        submitted.receiptTokenHash(), submitted.acknowledgeBy(), T0, Actors.PARTICIPANT));
                if (j < 8) {
                    phases.get(2).add(loop.acknowledged(hoursAfterT0(j + 1)));
                }
                if (j < 5) {
                    phases.get(3).add(j < 2 ? loop.themed(hoursAfterT0(20), "transport", "safety")
                            : loop.themed(hoursAfterT0(20), "transport"));
                }
                if (j == 0) {
                    phases.get(4).add(loop.themed(hoursAfterT0(21), "lighting", "transport"));
                }
                if (j == 3) {
                    phases.get(4).add(loop.corrected(1, "not quite", hoursAfterT0(30)));
                    phases.get(5).add(loop.confirmed(2, hoursAfterT0(40)));
                } else if (j < 3) {
                    phases.get(4).add(loop.confirmed(1, hoursAfterT0(30)));
                }
                if (j < 4) {
                    phases.get(6).add(loop.loopClosed("learning-1", hoursAfterT0(50 + j)));
                }
            }
            DecisionEvents decision = DecisionEvents.decision(initiative + "-decision", initiative);
            phases.get(2).add(decision.proposed("Earlier buses", hoursAfterT0(5)));
            phases.get(3).add(decision.revisedLevel(2, EngagementLevel.CONSULT, EngagementLevel.COLLABORATE,
                    "Families asked to shape it", hoursAfterT0(6), initiative + "-feedback-0"));
            phases.get(5).add(new DecisionReviewDue(decision.decisionId(), initiative, 2, null,
                    hoursAfterT0(60), "system"));
            phases.get(6).add(new DecisionOutcomeAssessed(decision.decisionId(), initiative, 2,
                    Verdict.SUPPORTED, "Waits fell", "n", hoursAfterT0(70), "analyst"));
            phases.get(2).add(new IndicatorDefined(initiative + "-walk", initiative, "Children who walk", "%",
                    Direction.UP, T0, "analyst"));
            phases.get(3).add(new MeasurementRecorded(initiative + "-walk", initiative, 31.5, hoursAfterT0(24), null,
                    hoursAfterT0(24), "analyst"));
        }
        return phases.stream().flatMap(List::stream).<EventMessage<?>>map(messages::next).toList();
    }

    private static void assertCountedOnce(DashboardView view) {
        assertThat(view.participation().total()).isEqualTo(10L);
        var loop = view.loop();
        assertThat(List.of(loop.submitted(), loop.acknowledged(), loop.understandingConfirmed(),
                loop.understandingCorrected(), loop.closed())).containsExactly(10L, 8L, 4L, 1L, 4L);
        // acknowledged after 1..8 hours: median rank 4 → 4, p90 rank ceil(7.2)=8 → 8
        assertThat(loop.hoursToAcknowledge()).isEqualTo(new Timing(8L, 4.0, 8.0));
        // two were due at 72 hours and are still unacknowledged at 100
        assertThat(loop.overdue()).isEqualTo(2L);
        assertThat(view.themes()).extracting(theme -> theme.theme() + "=" + theme.count())
                .containsExactly("lighting=1", "safety=2", "transport=5");
        var decisions = view.decisions();
        assertThat(decisions.total()).isEqualTo(1);
        assertThat(decisions.byEngagementLevel()).containsEntry("CONSULT", 0L).containsEntry("COLLABORATE", 1L);
        assertThat(List.of(decisions.revisions(), decisions.revisionsTriggeredByFeedback(), decisions.reviewsDue()))
                .containsExactly(1L, 1L, 1L);
        assertThat(decisions.outcomes()).containsEntry("SUPPORTED", 1L);
        assertThat(view.indicators()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchCountsEveryFactOnceAndCountsNothingWhenItComesAgain(String vendor) throws SQLException {
        Dashboard dashboard = new Dashboard(vendor);
        List<EventMessage<?>> events = story();

        dashboard.counted.reset();
        dashboard.batch(events);
        long statements = dashboard.counted.statements();
        System.out.printf("dashboard on %s: %d events in one batch: %d statements (%.3f an event), %d rows batched%n",
                vendor, events.size(), statements, statements / (double) events.size(), dashboard.counted.batchedRows());
        INITIATIVES.forEach(initiative -> assertCountedOnce(dashboard.view(initiative)));
        Map<String, DashboardView> once = views(dashboard);
        Map<String, String> recordsOnce = records(dashboard);

        dashboard.counted.reset();
        dashboard.batch(events);
        System.out.printf("dashboard on %s: the same %d events again: %d statements, %d rows batched%n", vendor,
                events.size(), dashboard.counted.statements(), dashboard.counted.batchedRows());
        assertThat(views(dashboard)).isEqualTo(once);
        assertThat(records(dashboard)).isEqualTo(recordsOnce);

        // applied again one event per transaction from nothing, the dashboard is the same as the batch's
        dashboard.transaction.executeWithoutResult(status -> dashboard.projection.reset());
        dashboard.counted.reset();
        events.forEach(event -> dashboard.batch(List.of(event)));
        System.out.printf("dashboard on %s: the %d events one per transaction: %d statements (%.3f an event)%n",
                vendor, events.size(), dashboard.counted.statements(),
                dashboard.counted.statements() / (double) events.size());
        assertThat(views(dashboard)).isEqualTo(once);
        assertThat(records(dashboard)).isEqualTo(recordsOnce);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRedeliveredEventAmongNewOnesChangesNothingAndTheNewOnesCount(String vendor) throws SQLException {
        Dashboard dashboard = new Dashboard(vendor);
        List<EventMessage<?>> events = story();
        dashboard.batch(events);
        DashboardMessages later = new DashboardMessages();
        // the ninth feedback's acknowledgement, the event after its submission
        events.stream().filter(event -> event.getPayload() instanceof FeedbackSubmitted submitted
                && submitted.feedbackId().equals("initiative-a-feedback-8"))
                .forEach(event -> later.next(event.getPayload()));
        EventMessage<?> acknowledged = later.next(LoopEvents.feedback("initiative-a-feedback-8", "initiative-a")
                .acknowledged(hoursAfterT0(9)));

        List<EventMessage<?>> mixed = new ArrayList<>(events);
        Collections.reverse(mixed);
        mixed.add(events.size() / 2, acknowledged);
        dashboard.batch(mixed);

        assertThat(dashboard.view("initiative-a").loop().acknowledged()).isEqualTo(9L);
        assertThat(dashboard.view("initiative-a").loop().overdue()).isEqualTo(1L);
        assertThat(dashboard.view("initiative-a").participation().total()).isEqualTo(10L);
        assertCountedOnce(dashboard.view("initiative-b"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventThatCannotBeStoredFailsItsBatchAndIsFoundAloneWhileTheRestCount(String vendor) throws SQLException {
        Dashboard dashboard = new Dashboard(vendor);
        List<EventMessage<?>> events = new ArrayList<>(story());
        dashboard.batch(events.subList(0, INITIATIVES.size()));
        List<EventMessage<?>> batch = events.subList(INITIATIVES.size(), events.size());
        // a language tag longer than the column, as an app without today's caps could have stored it
        FeedbackSubmitted unstorable = new FeedbackSubmitted("odd-one", "initiative-b", "Words", Channel.WEB,
                "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd", "parents", null, false, "hash", hoursAfterT0(72), T0,
                Actors.PARTICIPANT);
        batch.add(batch.size() / 2, new DashboardMessages().next(unstorable));

        assertThatThrownBy(() -> dashboard.batch(batch)).isInstanceOf(RuntimeException.class);
        assertThat(dashboard.view("initiative-a").participation().total()).isEqualTo(0L);

        // as the parking does: the batch again, in a transaction of its own, each event in a transaction of its own
        List<Object> parked = AppliedAlone.failing(dashboard.transaction, dashboard.alone, batch, dashboard::handle).stream()
                .<Object>map(EventMessage::getPayload).toList();

        assertThat(parked).containsExactly(unstorable);
        INITIATIVES.forEach(initiative -> assertCountedOnce(dashboard.view(initiative)));
    }

    private static Map<String, DashboardView> views(Dashboard dashboard) {
        return Map.of("a", dashboard.view("initiative-a"), "b", dashboard.view("initiative-b"), "c",
                dashboard.view("initiative-c"));
    }

    private static Map<String, String> records(Dashboard dashboard) {
        return Map.of("a", dashboard.records.csv("initiative-a"), "b", dashboard.records.csv("initiative-b"), "c",
                dashboard.records.csv("initiative-c"));
    }
}
