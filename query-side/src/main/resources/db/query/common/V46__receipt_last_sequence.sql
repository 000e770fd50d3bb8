-- The returned-learning feed tells a redelivered event of a feedback by the sequence number of the last event of that
-- feedback applied to its receipt, kept on the receipt's row, instead of a mark per event in applied_event. Rows
-- already made take the mark applied_event held for them, or, where an event of theirs waits parked, the one before
-- it, so that the parked event still applies when it is retried; a receipt with no mark, that of its last step.
alter table receipt_view add column last_sequence bigint default 0 not null;

update receipt_view set last_sequence = coalesce(
    (select min(d.sequence_number) - 1 from dead_letter_entry d
      where d.processing_group = 'returned-learning' and d.aggregate_identifier = receipt_view.feedback_id),
    (select a.last_sequence from applied_event a
      where a.processing_group = 'returned-learning' and a.aggregate_id = receipt_view.feedback_id),
    -- a receipt made before those marks were kept: the last of its feedback's own steps (id feedback:sequence)
    (select max(cast(substr(s.step_id, length(s.feedback_id) + 2) as bigint)) from receipt_step s
      where s.feedback_id = receipt_view.feedback_id
        and s.kind not in ('LEARNING_PUBLISHED', 'DECISION_INFORMED', 'DECISION_REVISED')),
    0);

delete from applied_event where processing_group = 'returned-learning';
