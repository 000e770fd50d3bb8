-- The inbox tells a redelivered event of a feedback by the sequence number of the last event of that feedback
-- applied to its row, kept on the row, instead of a mark per feedback in applied_event. Rows already made take the
-- mark applied_event held for them, or, where an event of theirs waits parked, the one before it, so that the
-- parked event still applies when it is retried; a row with neither, 0 (its submission).
alter table inbox_item add column last_sequence bigint default 0 not null;

update inbox_item set last_sequence = coalesce(
    (select min(d.sequence_number) - 1 from dead_letter_entry d
      where d.processing_group = 'inbox' and d.aggregate_identifier = inbox_item.feedback_id),
    (select a.last_sequence from applied_event a
      where a.processing_group = 'inbox' and a.aggregate_id = inbox_item.feedback_id),
    0);

delete from applied_event where processing_group = 'inbox';
