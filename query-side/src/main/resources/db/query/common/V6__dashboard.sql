-- The live dashboard of each initiative: figures kept up to date by events, read in bounded time.

create table dashboard_initiative (
    initiative_id            varchar(64)   not null primary key,
    title                    varchar(1000) not null,
    acknowledge_within_hours integer       not null
);

create table dashboard_group (
    initiative_id    varchar(64)      not null,
    group_code       varchar(40)      not null,
    name             varchar(200)     not null,
    population_share double precision not null,
    position         integer          not null,
    primary key (initiative_id, group_code)
);

-- Counts of one initiative along one dimension (group, channel, loop, theme, engagement, decision, verdict).
create table dashboard_count (
    initiative_id varchar(64)  not null,
    dimension     varchar(20)  not null,
    item          varchar(200) not null,
    amount        bigint       not null,
    primary key (initiative_id, dimension, item)
);

-- Non-personal facts of each piece of feedback: never its text or contact.
create table dashboard_feedback (
    feedback_id          varchar(64)  not null primary key,
    initiative_id        varchar(64)  not null,
    submitted_at         timestamp(6) with time zone not null,
    channel              varchar(20)  not null,
    language             varchar(20),
    stakeholder_group    varchar(40),
    status               varchar(30)  not null,
    themes               varchar(4000) not null,
    confirmed            boolean      not null,
    corrected            boolean      not null,
    hours_to_acknowledge double precision,
    hours_to_close       double precision
);
create index dashboard_feedback_initiative on dashboard_feedback (initiative_id, submitted_at);

-- The durations from which the percentiles are read: one per feedback and kind (acknowledge, close).
create table dashboard_duration (
    feedback_id       varchar(64)      not null,
    kind              varchar(20)      not null,
    initiative_id     varchar(64)      not null,
    stakeholder_group varchar(40),
    hours             double precision not null,
    primary key (feedback_id, kind)
);
create index dashboard_duration_initiative on dashboard_duration (initiative_id, kind);

-- Feedback not yet acknowledged, with its target: overdue is counted from these at read time.
create table dashboard_pending (
    feedback_id     varchar(64) not null primary key,
    initiative_id   varchar(64) not null,
    acknowledge_by  timestamp(6) with time zone not null
);
create index dashboard_pending_initiative on dashboard_pending (initiative_id, acknowledge_by);

create table dashboard_decision (
    decision_id      varchar(64) not null primary key,
    initiative_id    varchar(64) not null,
    engagement_level varchar(20) not null
);

-- Facts already counted, so that a redelivered event counts once.
create table dashboard_applied (
    fact varchar(300) not null primary key
);

create table dashboard_indicator (
    indicator_id  varchar(64)   not null primary key,
    initiative_id varchar(64)   not null,
    name          varchar(1000) not null,
    unit          varchar(200),
    direction     varchar(10)   not null,
    defined_at    timestamp(6) with time zone not null
);
create index dashboard_indicator_initiative on dashboard_indicator (initiative_id, defined_at);

create table dashboard_measurement (
    measurement_id    varchar(100)     not null primary key,
    indicator_id      varchar(64)      not null,
    initiative_id     varchar(64)      not null,
    measured_value    double precision not null,
    measured_at       timestamp(6) with time zone not null,
    stakeholder_group varchar(40),
    sequence          bigint           not null
);
create index dashboard_measurement_initiative on dashboard_measurement (initiative_id, measured_at);
