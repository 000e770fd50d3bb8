-- Indicators and decisions, for rules that name them across aggregates.
create table catalog_indicator (
    indicator_id  varchar(64) not null primary key,
    initiative_id varchar(64) not null
);

create table catalog_decision (
    decision_id   varchar(64) not null primary key,
    initiative_id varchar(64) not null
);
