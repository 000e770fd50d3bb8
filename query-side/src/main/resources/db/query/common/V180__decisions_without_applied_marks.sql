-- The decisions' rows need no mark of the last event applied: each is written by one event alone, from what came
-- before it, so an event delivered again writes the same rows, and a feedback's themes are only ever added, each
-- once. Their marks in applied_event, one row per decision and per themed feedback, go.
delete from applied_event where processing_group = 'decisions';
