-- A projection being rebuilt beside its live tables: while its row is here, its events are applied to
-- a shadow schema, and its live tables keep answering; the row goes when the new tables take over.
create table projection_rebuild (
    projection varchar(100)             not null primary key,
    started_at timestamp(6) with time zone not null
);
