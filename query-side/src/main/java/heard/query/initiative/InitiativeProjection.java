package heard.query.initiative;

import heard.events.InitiativeLaunched;
import heard.events.LearningPublished;
import heard.query.batching.TransactionBound;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Initiative summaries, with how many learnings each has published. How much feedback each has had is the
 * dashboard's count of its submissions, read with the summary (see {@link InitiativeView}), so this projection
 * applies no feedback event: the events every submission makes are not its work.
 * <p>
 * The events of a transaction (a processor's batch) are gathered in memory and written once, just before it
 * commits (see {@link InitiativeRows}): the launches as inserts, and each initiative's count moved by one delta.
 * A write that fails fails the commit, and the batch is applied again one event per transaction, so the event
 * that cannot be stored is parked alone.
 * <p>
 * <b>Redelivery is harmless through {@code applied_event}.</b> The count is incremented, so it relies on each
 * event being applied once: the projection's {@code SkipApplied} marks each aggregate's last applied event in
 * the transaction of the changes and lets no event at or below the mark reach these handlers (Kafka delivers
 * at least once, also at a new offset past the token). The count is of other aggregates' events (learnings),
 * so no row of this model could hold their marks itself. A launch met again makes nothing: an
 * initiative already stored, or already launched in the batch, is kept as it is.
 */
@Component
@ProcessingGroup("initiatives")
class InitiativeProjection {
    private final JdbcTemplate db;
    private final TransactionBound<InitiativeBatch> batches;

    InitiativeProjection(JdbcTemplate db) {
        this.db = db;
        this.batches = new TransactionBound<>(InitiativeBatch::new, new InitiativeRows(db)::write);
    }

    @ResetHandler
    void reset() {
        batches.discard();
        db.update("delete from initiative_view");
    }

    @EventHandler
    void on(InitiativeLaunched e) {
        batches.change(batch -> batch.launched(e));
    }

    @EventHandler
    void on(LearningPublished e) {
        batches.change(batch -> batch.learningPublished(e.initiativeId()));
    }
}
