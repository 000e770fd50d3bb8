-- What exists, for rules that span aggregates; kept in the transaction of the events it follows.
create table catalog_initiative (
    initiative_id            varchar(64)   not null primary key,
    group_codes              varchar(4000) not null,
    acknowledge_within_hours integer       not null
);

create table catalog_feedback (
    feedback_id   varchar(64) not null primary key,
    initiative_id varchar(64) not null
);

-- Idempotency keys of submissions, stored only as hashes; the receipt is sealed under the key.
create table submission_key (
    key_hash     varchar(64)  not null primary key,
    request_hash varchar(64)  not null,
    feedback_id  varchar(64)  not null,
    sealed_token varchar(200) not null,
    created_at   timestamp(6) with time zone not null
);
