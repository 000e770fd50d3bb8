-- A published learning's row is written by its one event alone, so an event delivered again writes the same row:
-- the learning feed keeps no mark of the last event applied, and its rows in applied_event go.
delete from applied_event where processing_group = 'learning-feed';
