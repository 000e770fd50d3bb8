-- The dashboard counts each fact once by the sequence number of the last event of each feedback and decision it
-- applied, kept on that feedback's or decision's row, instead of a row per applied fact and per event. Rows already
-- made take the mark the event-by-event projection kept for them (applied_event), or, where an event of theirs waits
-- parked, the one before it, so that the parked event still applies when it is retried.
alter table dashboard_feedback add column last_sequence bigint default 0 not null;
alter table dashboard_decision add column last_sequence bigint default 0 not null;

update dashboard_feedback set last_sequence = coalesce(
    (select min(d.sequence_number) - 1 from dead_letter_entry d
      where d.processing_group = 'dashboard' and d.aggregate_identifier = dashboard_feedback.feedback_id),
    (select a.last_sequence from applied_event a
      where a.processing_group = 'dashboard' and a.aggregate_id = dashboard_feedback.feedback_id),
    0);
update dashboard_decision set last_sequence = coalesce(
    (select min(d.sequence_number) - 1 from dead_letter_entry d
      where d.processing_group = 'dashboard' and d.aggregate_identifier = dashboard_decision.decision_id),
    (select a.last_sequence from applied_event a
      where a.processing_group = 'dashboard' and a.aggregate_id = dashboard_decision.decision_id),
    0);

drop table dashboard_applied;
delete from applied_event where processing_group = 'dashboard';
