-- Counts the changes to each initiative's figures, so that live viewers are told only when something changed,
-- whichever query-side instance applied the change.
alter table dashboard_initiative add column revision bigint default 0 not null;
