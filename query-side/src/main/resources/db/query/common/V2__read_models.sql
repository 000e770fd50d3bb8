create table initiative_view (
    initiative_id            varchar(64)    not null primary key,
    title                    varchar(200)   not null,
    guiding_question         varchar(1000)  not null,
    stakeholder_groups       varchar(20000) not null,
    languages                varchar(1000)  not null,
    acknowledge_within_hours integer        not null,
    launched_at              timestamp(6) with time zone not null,
    feedback_count           bigint         not null,
    learning_count           bigint         not null
);

create table receipt_view (
    feedback_id        varchar(64)    not null primary key,
    receipt_token_hash varchar(64)    not null unique,
    initiative_id      varchar(64)    not null,
    text               varchar(20000),
    channel            varchar(20)    not null,
    language           varchar(40)    not null,
    stakeholder_group  varchar(40)    not null,
    status             varchar(40)    not null,
    submitted_at       timestamp(6) with time zone not null,
    acknowledge_by     timestamp(6) with time zone not null,
    themes             varchar(4000)  not null
);

create table receipt_step (
    step_id        varchar(140)   not null primary key,
    feedback_id    varchar(64)    not null,
    at             timestamp(6) with time zone not null,
    kind           varchar(40)    not null,
    text           varchar(20000),
    themes         varchar(4000)  not null,
    learning_id    varchar(64),
    learning_title varchar(200)
);
create index receipt_step_feedback on receipt_step (feedback_id);

create table published_learning (
    learning_id     varchar(64)    not null primary key,
    initiative_id   varchar(64)    not null,
    title           varchar(200)   not null,
    what_we_heard   varchar(10000) not null,
    what_we_decided varchar(10000) not null,
    what_we_learned varchar(10000) not null,
    whats_next      varchar(10000) not null,
    decision_ids    varchar(10000) not null,
    feedback_count  integer        not null,
    published_at    timestamp(6) with time zone not null
);
create index published_learning_initiative on published_learning (initiative_id, published_at);

create table inbox_item (
    feedback_id       varchar(64)    not null primary key,
    initiative_id     varchar(64)    not null,
    text              varchar(20000),
    channel           varchar(20)    not null,
    language          varchar(40)    not null,
    stakeholder_group varchar(40)    not null,
    contact           varchar(320),
    submitted_by      varchar(100)   not null,
    status            varchar(40)    not null,
    submitted_at      timestamp(6) with time zone not null,
    acknowledge_by    timestamp(6) with time zone not null,
    acknowledged_at   timestamp(6) with time zone,
    summary           varchar(10000),
    correction        varchar(10000),
    themes            varchar(4000)  not null,
    loop_closed_at    timestamp(6) with time zone
);
create index inbox_item_initiative on inbox_item (initiative_id, submitted_at);
