package heard.query.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import heard.query.config.ProjectionTest;
import heard.wiring.InstanceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instances that are up and the shares they hold, on the query side's own migrated schema. Each
 * instance writes on connections of its own, as apart as instances are: no test transaction around them.
 */
@ProjectionTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LiveInstancesTest {
    private static final Duration LIVENESS = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate db;

    @BeforeEach
    void sixteenSegmentsOfTheInbox() {
        db.update("delete from query_instance");
        db.update("delete from token_entry");
        for (int segment = 0; segment < 16; segment++) {
            db.update("insert into token_entry (processor_name, segment, timestamp) values ('inbox', ?, ?)",
                    segment, NOW.toString());
        }
    }

    private LiveInstances at(Instant time, String name) {
        return new LiveInstances(dataSource, new InstanceName(name), LIVENESS, Clock.fixed(time, ZoneOffset.UTC));
    }

    @Test
    void anInstanceAloneHoldsEverySegmentAndSharesThemWithThoseThatJoin() {
        LiveInstances first = at(NOW, "first");
        FairShare share = new FairShare(first, 0);
        assertThat(share.getMaxSegments("inbox")).as("before its first beat").isEqualTo(Short.MAX_VALUE);

        first.beat();
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.segments("inbox")).isEqualTo(16);
        assertThat(share.getMaxSegments("inbox")).isEqualTo(16);
        assertThat(share.getMaxSegments("a-processor-with-no-token-yet")).isEqualTo(Short.MAX_VALUE);

        at(NOW, "second").beat();
        at(NOW, "third").beat();
        first.beat();
        assertThat(share.getMaxSegments("inbox")).as("16 over 3, rounded up: none is left without a holder")
                .isEqualTo(6);
        assertThat(new FairShare(first, 4).getMaxSegments("inbox")).as("capped").isEqualTo(4);
    }

    @Test
    void anInstanceSilentLongerThanTheLivenessWindowNoLongerCountsAndOneThatLeftAtOnce() {
        at(NOW, "dead").beat();
        LiveInstances leaving = at(NOW.plus(LIVENESS), "leaving");
        leaving.beat();
        LiveInstances survivor = at(NOW.plus(LIVENESS).plusSeconds(1), "survivor");
        survivor.beat();
        assertThat(survivor.count()).isEqualTo(2);

        leaving.leave();
        survivor.beat();
        assertThat(survivor.count()).isEqualTo(1);
        assertThat(new FairShare(survivor, 0).getMaxSegments("inbox")).isEqualTo(16);
    }

    @Test
    void aLongGoneInstanceIsForgottenAndABeatThatFailsKeepsTheLastFigures() {
        at(NOW.minus(Duration.ofHours(2)), "long-gone").beat();
        LiveInstances self = at(NOW, "self");
        self.beat();
        assertThat(db.queryForList("select instance_id from query_instance", String.class)).containsExactly("self");

        db.update("alter table token_entry rename to token_entry_away");
        try {
            self.beat();
            assertThat(self.count()).isEqualTo(1);
            assertThat(self.segments("inbox")).isEqualTo(16);
        } finally {
            db.update("alter table token_entry_away rename to token_entry");
        }
    }
}
