package heard.standalone;

import static heard.standalone.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import heard.standalone.StoredVoices.Stored;
import heard.standalone.StoredVoices.Voice;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild is made beside the live read model: the dashboard and the receipts answer throughout, with the
 * figures they had before it began, until the rebuilt tables take over at once. The live count is first
 * made wrong on purpose, so that old and new figures differ and a reader can tell which it was given.
 */
@StandaloneTest
class RebuildBesideTest {
    private static final int VOICES = 1500;
    private static final long WRONG_BY = 1000;
    Api api;
    @Autowired
    EventStore store;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate db;

    record Read(int dashboardStatus, long total, int receiptStatus, boolean rebuildingAfter) {
    }

    @Test
    void readsKeepTheOldFiguresUntilTheRebuiltModelTakesOver() throws Exception {
        String initiativeId = new Loop(api).launchInitiative();
        List<Stored> stored = StoredVoices.storeTogether(store, transactions, initiativeId,
                IntStream.range(0, VOICES).mapToObj(i -> new Voice("en", "Voice " + i)).toList());
        eventually().until(() -> total(api, initiativeId) == VOICES);
        String receipt = stored.get(VOICES / 2).receiptToken();
        eventually().until(() -> api.get("/api/receipts/me", "X-Receipt-Token", receipt).status() == 200);
        db.update("update dashboard_count set amount = amount + ? where initiative_id = ? and dimension = 'loop'"
                + " and item = 'submitted'", WRONG_BY, initiativeId);
        long old = total(api, initiativeId);
        assertThat(old).isEqualTo(VOICES + WRONG_BY);

        ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                Api.Response dashboard = api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst"));
                int receiptStatus = api.get("/api/receipts/me", "X-Receipt-Token", receipt).status();
                long total = dashboard.status() == 200 ? dashboard.json().at("/participation/total").asLong() : -1;
                reads.add(new Read(dashboard.status(), total, receiptStatus, rebuilding("dashboard")));
            }
        });
        reader.start();
        for (String projection : List.of("dashboard", "returned-learning")) {
            assertThat(api.post("/api/admin/projections/" + projection + "/replay", "", Api.as("admin")).status())
                    .isEqualTo(202);
        }
        eventually().until(() -> !rebuilding("dashboard") && !rebuilding("returned-learning"));
        reading.set(false);
        reader.join();

        assertThat(reads).allSatisfy(read -> {
            assertThat(read.dashboardStatus()).isEqualTo(200);
            assertThat(read.receiptStatus()).isEqualTo(200);
        });
        List<Read> during = reads.stream().filter(Read::rebuildingAfter).toList();
        assertThat(during).as("reads answered while the rebuild was still going on").isNotEmpty();
        assertThat(during).allSatisfy(read -> assertThat(read.total()).isEqualTo(old));
        assertThat(total(api, initiativeId)).isEqualTo(VOICES);
        System.out.printf("Reads during the rebuild: %d of %d, every one 200 with the old figures%n", during.size(),
                reads.size());
    }

    private boolean rebuilding(String projection) {
        return db.queryForObject("select count(*) from projection_rebuild where projection = ?", Long.class,
                projection) > 0;
    }

    private static long total(Api api, String initiativeId) {
        return api.get("/api/initiatives/" + initiativeId + "/dashboard", Api.as("analyst")).json()
                .at("/participation/total").asLong();
    }
}
