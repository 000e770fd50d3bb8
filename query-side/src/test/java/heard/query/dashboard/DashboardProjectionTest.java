package heard.query.dashboard;

import static heard.query.LoopEvents.T0;
import static heard.query.LoopEvents.hoursAfterT0;
import static heard.query.LoopEvents.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import heard.events.Actors;
import heard.events.Channel;
import heard.events.DecisionOutcomeAssessed;
import heard.events.DecisionProposed;
import heard.events.DecisionReviewDue;
import heard.events.DecisionRevised;
import heard.events.Direction;
import heard.events.EngagementLevel;
import heard.events.FeedbackSubmitted;
import heard.events.IndicatorDefined;
import heard.events.MeasurementRecorded;
import heard.events.Verdict;
import heard.query.LoopEvents;
import heard.query.config.EventDelivery;
import heard.query.config.ProjectionTest;
import heard.query.dashboard.DashboardView.ChannelShare;
import heard.query.dashboard.DashboardView.GroupShare;
import heard.query.dashboard.DashboardView.GroupTiming;
import heard.query.dashboard.DashboardView.Point;
import heard.query.dashboard.DashboardView.Series;
import heard.query.dashboard.DashboardView.Suppressed;
import heard.query.dashboard.DashboardView.ThemeCount;
import heard.query.dashboard.DashboardView.Timing;
import heard.query.web.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Every figure against hand-computed values. Ten pieces of feedback: parents 7, staff 2, and one
 * from a group the initiative did not declare; WEB 6, SMS 3, PAPER 1. Percentiles are nearest
 * rank: the value at rank ceil(p/100 × n) of the n sorted durations.
 */
@ProjectionTest
@Import({DashboardProjection.class, DashboardRows.class, DashboardReader.class})
class DashboardProjectionTest {
    private static final String INITIATIVE = "initiative-1";
    private static final Instant NOW = hoursAfterT0(100);
    private static final Suppressed HIDDEN = Suppressed.CELL;

    @Autowired
    DashboardProjection projection;
    @Autowired
    DashboardReader reader;
    @Autowired
    EventDelivery delivery;

    private final DashboardMessages messages = new DashboardMessages();
    private final List<EventMessage<?>> history = new ArrayList<>();

    /** As the processor hands it to the projection: numbered within its aggregate, through the annotated handlers. */
    private void deliver(Object event) {
        EventMessage<?> message = messages.next(event);
        history.add(message);
        redeliver(message);
    }

    private void redeliver(EventMessage<?> message) {
        delivery.deliver(() -> DashboardMessages.handle(projection, message));
    }

    private static FeedbackSubmitted submitted(String id, String group, Channel channel) {
        return new FeedbackSubmitted(id, INITIATIVE, "Words of " + id, channel, "en", group, "someone@example.org",
                true, "hash-" + id, hoursAfterT0(72), T0, Actors.PARTICIPANT);
    }

    private static LoopEvents loop(String id) {
        return LoopEvents.feedback(id, INITIATIVE);
    }

    /** The story every test starts from; each event delivered once unless a test says otherwise. */
    private void story() {
        deliver(launched(INITIATIVE, "Safer routes to school", T0.minusSeconds(3600)));
        deliver(launched("initiative-2", "Elsewhere", T0));
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            groups.put("p" + i, "parents");
        }
        groups.put("s1", "staff");
        groups.put("s2", "staff");
        groups.put("n1", "neighbours");
        Channel[] channels = {Channel.WEB, Channel.WEB, Channel.WEB, Channel.WEB, Channel.WEB, Channel.SMS,
            Channel.SMS, Channel.WEB, Channel.SMS, Channel.PAPER};
        int i = 0;
        for (Map.Entry<String, String> feedback : groups.entrySet()) {
            Channel channel = channels[i++];
            deliver(submitted(feedback.getKey(), feedback.getValue(), channel));
        }
        // elsewhere: not counted here
        deliver(new FeedbackSubmitted("x1", "initiative-2", "t", Channel.WEB, "en", "parents",
                null, false, "h", hoursAfterT0(72), T0, Actors.PARTICIPANT));
        long[] acknowledgeHours = {1, 2, 3, 4, 5, 6, 30};
        for (int p = 1; p <= 7; p++) {
            long hours = acknowledgeHours[p - 1];
            String id = "p" + p;
            deliver(loop(id).acknowledged(hoursAfterT0(hours)));
        }
        deliver(loop("s1").acknowledged(hoursAfterT0(10)));
        deliver(loop("n1").acknowledged(hoursAfterT0(50)));
        deliver(loop("p1").summarized(1, "s", hoursAfterT0(40)));
        for (String id : List.of("p1", "p2", "p3")) {
            deliver(loop(id).confirmed(1, hoursAfterT0(60)));
        }
        deliver(loop("p4").corrected(1, "not quite", hoursAfterT0(60)));
        deliver(loop("p4").confirmed(2, hoursAfterT0(70)));
        deliver(loop("p1").themed(hoursAfterT0(20), "transport", "safety"));
        for (String id : List.of("p2", "p3", "p4", "p5")) {
            deliver(loop(id).themed(hoursAfterT0(20), "transport"));
        }
        deliver(loop("p6").themed(hoursAfterT0(20), "safety"));
        deliver(loop("p6").themed(hoursAfterT0(21), "lighting"));
        deliver(loop("p1").loopClosed("l1", hoursAfterT0(100)));
        deliver(loop("p2").loopClosed("l1", hoursAfterT0(120)));
        deliver(loop("p3").loopClosed("l1", hoursAfterT0(200)));
        deliver(loop("s1").loopClosed("l1", hoursAfterT0(150)));

        deliver(proposed("d1", EngagementLevel.CONSULT));
        deliver(proposed("d2", EngagementLevel.INFORM));
        deliver(revised("d1", EngagementLevel.COLLABORATE, List.of("p1")));
        deliver(revised("d2", EngagementLevel.INFORM, List.of()));
        deliver(new DecisionReviewDue("d1", INITIATIVE, 2, null, hoursAfterT0(300), "system"));
        deliver(new DecisionOutcomeAssessed("d1", INITIATIVE, 2, Verdict.SUPPORTED, "ok", "n",
                hoursAfterT0(400), "analyst"));

        deliver(new IndicatorDefined("walk", INITIATIVE, "Children who walk", "%", Direction.UP,
                T0, "analyst"));
        deliver(measured(31.5, hoursAfterT0(48), null));
        deliver(measured(20, hoursAfterT0(24), null));
        deliver(measured(25, hoursAfterT0(24), "parents"));
    }

    private static MeasurementRecorded measured(double value, Instant at, String group) {
        return new MeasurementRecorded("walk", INITIATIVE, value, at, group, hoursAfterT0(100), "analyst");
    }

    private static DecisionProposed proposed(String id, EngagementLevel level) {
        return new DecisionProposed(id, INITIATIVE, "T", "H", "E", level, null, List.of(), List.of(), List.of(), "R",
                hoursAfterT0(90), "leader");
    }

    private static DecisionRevised revised(String id, EngagementLevel level, List<String> triggeredBy) {
        return new DecisionRevised(id, INITIATIVE, 2, "H", "E", level, null, List.of(), List.of(), "R", triggeredBy,
                hoursAfterT0(95), "leader");
    }

    @Test
    void exactFiguresMatchTheHandComputedOnes() {
        story();
        DashboardView view = reader.dashboard(INITIATIVE, NOW, true);

        assertThat(view.title()).isEqualTo("Safer routes to school");
        assertThat(view.exact()).isTrue();
        assertThat(view.participation().total()).isEqualTo(10L);
        // share = count / 10; index = share / population share; flagged under 0.8
        assertThat(view.participation().byGroup()).containsExactly(
                new GroupShare("parents", "Parents", 0.6, 7L, 0.7, 1.1667, false),
                new GroupShare("staff", "School staff", 0.3, 2L, 0.2, 0.6667, true),
                new GroupShare("neighbours", null, null, 1L, 0.1, null, null));
        assertThat(view.participation().byChannel()).containsExactly(
                new ChannelShare("PAPER", 1L, 0.1), new ChannelShare("SMS", 3L, 0.3), new ChannelShare("WEB", 6L, 0.6));

        var loop = view.loop();
        assertThat(List.of(loop.submitted(), loop.acknowledged(), loop.understandingConfirmed(),
                loop.understandingCorrected(), loop.closed())).containsExactly(10L, 9L, 4L, 1L, 4L);
        assertThat(loop.closureRate()).isEqualTo(0.4);
        // acknowledged after 1,2,3,4,5,6,10,30,50 hours: median rank ceil(4.5)=5 → 5; p90 rank ceil(8.1)=9 → 50
        assertThat(loop.hoursToAcknowledge()).isEqualTo(new Timing(9L, 5.0, 50.0));
        // closed after 100,120,150,200 hours: median rank 2 → 120; p90 rank ceil(3.6)=4 → 200
        assertThat(loop.hoursToClose()).isEqualTo(new Timing(4L, 120.0, 200.0));
        assertThat(loop.byGroup()).containsExactly(
                // parents acknowledged after 1,2,3,4,5,6,30: median rank 4 → 4; p90 rank ceil(6.3)=7 → 30
                // and closed after 100,120,200: median rank 2 → 120, p90 rank 3 → 200
                new GroupTiming("parents", new Timing(7L, 4.0, 30.0), new Timing(3L, 120.0, 200.0)),
                new GroupTiming("staff", new Timing(1L, 10.0, 10.0), new Timing(1L, 150.0, 150.0)),
                new GroupTiming("neighbours", new Timing(1L, 50.0, 50.0), new Timing(0L, null, null)));
        // s2 was due at 72 hours and is still unacknowledged at 100
        assertThat(loop.overdue()).isEqualTo(1L);
        assertThat(reader.dashboard(INITIATIVE, hoursAfterT0(71), true).loop().overdue()).isEqualTo(0L);

        var decisions = view.decisions();
        assertThat(decisions.total()).isEqualTo(2);
        assertThat(decisions.byEngagementLevel()).containsExactly(Map.entry("INFORM", 1L), Map.entry("CONSULT", 0L),
                Map.entry("COLLABORATE", 1L), Map.entry("DEFER_TO", 0L));
        assertThat(decisions.revisions()).isEqualTo(2);
        assertThat(decisions.revisionsTriggeredByFeedback()).isEqualTo(1);
        assertThat(decisions.reviewsDue()).isEqualTo(1);
        assertThat(decisions.outcomes()).containsExactly(Map.entry("SUPPORTED", 1L), Map.entry("REFUTED", 0L),
                Map.entry("INCONCLUSIVE", 0L));

        assertThat(view.indicators()).hasSize(1);
        assertThat(view.indicators().get(0).series()).containsExactly(
                new Series(null, List.of(new Point(20, hoursAfterT0(24)), new Point(31.5, hoursAfterT0(48)))),
                new Series("parents", List.of(new Point(25, hoursAfterT0(24)))));

        // p6 was themed twice: a theme added later keeps the one before it
        assertThat(view.themes()).containsExactly(new ThemeCount("lighting", 1L), new ThemeCount("safety", 2L),
                new ThemeCount("transport", 5L));
    }

    @Test
    void thePublicSeesNoCountUnderFiveNorAnythingDerivedFromOne() {
        story();
        DashboardView view = reader.dashboard(INITIATIVE, NOW, false);

        assertThat(view.exact()).isFalse();
        assertThat(view.minCell()).isEqualTo(5);
        assertThat(view.participation().total()).isEqualTo(10L);
        assertThat(view.participation().byGroup()).containsExactly(
                new GroupShare("parents", "Parents", 0.6, 7L, 0.7, 1.1667, false),
                new GroupShare("staff", "School staff", 0.3, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new GroupShare("neighbours", null, null, HIDDEN, HIDDEN, HIDDEN, HIDDEN));
        assertThat(view.participation().byChannel()).containsExactly(
                new ChannelShare("PAPER", HIDDEN, HIDDEN), new ChannelShare("SMS", HIDDEN, HIDDEN),
                new ChannelShare("WEB", 6L, 0.6));
        var loop = view.loop();
        assertThat(List.of(loop.submitted(), loop.acknowledged(), loop.understandingConfirmed(),
                loop.understandingCorrected(), loop.closed(), loop.closureRate(), loop.overdue()))
                .containsExactly(10L, 9L, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN);
        assertThat(loop.hoursToAcknowledge()).isEqualTo(new Timing(9L, 5.0, 50.0));
        assertThat(loop.hoursToClose()).isEqualTo(new Timing(HIDDEN, HIDDEN, HIDDEN));
        Timing hidden = new Timing(HIDDEN, HIDDEN, HIDDEN);
        assertThat(loop.byGroup()).containsExactly(
                new GroupTiming("parents", new Timing(7L, 4.0, 30.0), hidden),
                new GroupTiming("staff", hidden, hidden),
                new GroupTiming("neighbours", hidden, hidden));
        assertThat(view.themes()).containsExactly(new ThemeCount("lighting", HIDDEN), new ThemeCount("safety", HIDDEN),
                new ThemeCount("transport", 5L));
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithIt() {
        deliver(launched(INITIATIVE, "Safer routes to school", T0));
        // parents 6, staff 5, one from an undeclared group: the one would be 12 - 6 - 5
        for (int i = 0; i < 12; i++) {
            String group = i < 6 ? "parents" : i < 11 ? "staff" : "neighbours";
            String id = "f" + i;
            deliver(submitted(id, group, Channel.WEB));
        }
        DashboardView view = reader.dashboard(INITIATIVE, NOW, false);
        assertThat(view.participation().total()).isEqualTo(12L);
        assertThat(view.participation().byGroup()).extracting(GroupShare::count)
                .containsExactly(6L, HIDDEN, HIDDEN);
        assertThat(view.participation().byChannel()).extracting(ChannelShare::count).containsExactly(12L);

        Cells cells = new Cells(5, false);
        assertThat(cells.suppressed(Map.of("a", 10L, "b", 6L, "c", 3L, "d", 7L))).containsExactlyInAnyOrder("c", "b");
        assertThat(cells.suppressed(Map.of("a", 10L, "b", 2L, "c", 3L))).containsExactlyInAnyOrder("b", "c");
        assertThat(cells.suppressed(Map.of("a", 10L, "b", 6L))).isEmpty();
        assertThat(new Cells(5, true).suppressed(Map.of("a", 10L, "b", 1L))).isEmpty();
    }

    @Test
    void redeliveredEventsCountOnce() {
        story();
        DashboardView once = reader.dashboard(INITIATIVE, NOW, true);
        history.forEach(this::redeliver);
        assertThat(reader.dashboard(INITIATIVE, NOW, true)).isEqualTo(once);
    }

    @Test
    void aReplayAfterResetRebuildsTheSameDashboard() {
        story();
        DashboardView before = reader.dashboard(INITIATIVE, NOW, true);
        delivery.deliver(projection::reset);
        assertThatThrownBy(() -> reader.dashboard(INITIATIVE, NOW, true)).isInstanceOf(NotFound.class);
        history.forEach(this::redeliver);
        assertThat(reader.dashboard(INITIATIVE, NOW, true)).isEqualTo(before);
    }

    @Test
    void underFiveVoicesInAllHidesEveryFigureDrawnFromThem() {
        deliver(launched(INITIATIVE, "Safer routes to school", T0));
        for (String id : List.of("a", "b", "c")) {
            deliver(submitted(id, "parents", Channel.WEB));
        }
        DashboardView view = reader.dashboard(INITIATIVE, NOW, false);
        assertThat(view.participation().total()).isEqualTo(HIDDEN);
        assertThat(view.participation().byGroup()).containsExactly(
                new GroupShare("parents", "Parents", 0.6, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new GroupShare("staff", "School staff", 0.3, HIDDEN, HIDDEN, HIDDEN, HIDDEN));
        assertThat(view.participation().byChannel()).containsExactly(new ChannelShare("WEB", HIDDEN, HIDDEN));
        assertThat(view.loop().submitted()).isEqualTo(HIDDEN);
        // all three were due at 72 hours
        assertThat(view.loop().overdue()).isEqualTo(HIDDEN);
        assertThat(reader.dashboard(INITIATIVE, NOW, true).loop().overdue()).isEqualTo(3L);
    }

    @Test
    void theCsvCarriesTheSameFiguresAsTheJson() {
        story();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        List<String> rows = DashboardCsv.of(json.valueToTree(reader.dashboard(INITIATIVE, NOW, false))).lines()
                .toList();
        assertThat(rows.get(0)).isEqualTo("figure,value");
        assertThat(rows).contains("participation.total,10", "participation.byGroup[parents].count,7",
                "participation.byGroup[parents].representationIndex,1.1667",
                "participation.byGroup[staff].count,suppressed", "participation.byGroup[staff].share,suppressed",
                "participation.byChannel[SMS].count,suppressed", "loop.closureRate,suppressed",
                "loop.hoursToAcknowledge.median,5.0", "loop.hoursToAcknowledge.p90,50.0",
                "loop.byGroup[parents].hoursToAcknowledge.median,4.0", "themes[transport].count,5",
                "themes[safety].count,suppressed", "decisions.byEngagementLevel.COLLABORATE,1",
                "indicators[walk].series[parents].points[0].value,25.0");
        assertThat(DashboardCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DashboardCsv.cell("-1.5")).isEqualTo("-1.5");
    }

    @Test
    void anUnknownInitiativeIsNotFound() {
        assertThatThrownBy(() -> reader.dashboard("nope", NOW, false)).isInstanceOf(NotFound.class);
    }
}
