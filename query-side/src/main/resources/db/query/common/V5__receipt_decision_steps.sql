-- A participant's timeline names each decision their feedback informed or moved, with its version.
alter table receipt_step add column decision_id varchar(64);
alter table receipt_step add column decision_title varchar(1000);
alter table receipt_step add column decision_version integer;

-- The returned-learning projection's own record of decision titles (a revision does not repeat it).
create table receipt_decision (
    decision_id varchar(64)   not null primary key,
    title       varchar(1000) not null
);
