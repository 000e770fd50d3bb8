-- An initiative's feedback count is read from the dashboard's count of submissions (see InitiativeView):
-- the initiative summaries no longer apply every feedback event, nor keep a mark per feedback for it.
alter table initiative_view drop column feedback_count;
delete from applied_event
where processing_group = 'initiatives'
  and aggregate_id in (select feedback_id from dashboard_feedback);
