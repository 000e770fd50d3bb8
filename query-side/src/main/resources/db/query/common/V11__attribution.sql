-- Who acted, in the reads that tell what changed: the staff user named by each event's actor.
-- Rows written before this migration stay empty until their projection is replayed.
alter table initiative_view add column launched_by varchar(100);
alter table published_learning add column published_by varchar(100);
alter table indicator_view add column defined_by varchar(100);
alter table inbox_item add column acknowledged_by varchar(100);
alter table inbox_item add column summarized_by varchar(100);
alter table inbox_item add column themed_by varchar(4000) default '[]' not null;
