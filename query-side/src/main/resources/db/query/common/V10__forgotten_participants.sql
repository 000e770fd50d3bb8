-- When a participant was forgotten: their words and contact are gone from these rows.
alter table receipt_view add column forgotten_at timestamp(6) with time zone;
alter table inbox_item add column forgotten_at timestamp(6) with time zone;
