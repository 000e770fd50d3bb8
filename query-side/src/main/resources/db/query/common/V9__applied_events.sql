-- How far each projection has applied each aggregate's events, so that an event delivered twice
-- (republished to Kafka at a new offset) is skipped. Written in the same transaction as the read model.
create table applied_event (
    processing_group varchar(255) not null,
    aggregate_id     varchar(255) not null,
    last_sequence    bigint       not null,
    primary key (processing_group, aggregate_id)
);
