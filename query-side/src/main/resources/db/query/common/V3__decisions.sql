-- Decisions as hypotheses: every version as the whole decision stood after it, and what happened to it.
-- Lists (evidence, indicators, changes, feedback ids) are JSON text; a version's evidence grows with
-- every link (up to 1,000 ids each), hence the wide columns.

create table decision_version (
    version_id        varchar(100)   not null primary key,
    decision_id       varchar(64)    not null,
    initiative_id     varchar(64)    not null,
    version           integer        not null,
    sequence          bigint         not null,
    title             varchar(1000),
    hypothesis        varchar(20000),
    expected_outcome  varchar(20000),
    engagement_level  varchar(20),
    review_by         date,
    indicators        varchar(100000) not null,
    evidence          varchar(1000000) not null,
    affected_groups   varchar(10000)  not null,
    rationale         varchar(20000),
    changes           varchar(100000) not null,
    triggered_by      varchar(1000000) not null,
    at                timestamp(6) with time zone not null,
    author            varchar(100)   not null
);
create index decision_version_decision on decision_version (decision_id, version);
create index decision_version_initiative on decision_version (initiative_id);

create table decision_evidence (
    link_id       varchar(100)    not null primary key,
    decision_id   varchar(64)     not null,
    initiative_id varchar(64)     not null,
    version       integer         not null,
    sequence      bigint          not null,
    feedback_ids  varchar(1000000) not null,
    note          varchar(20000),
    at            timestamp(6) with time zone not null,
    author        varchar(100)    not null
);
create index decision_evidence_decision on decision_evidence (decision_id, sequence);
create index decision_evidence_initiative on decision_evidence (initiative_id);

create table decision_outcome (
    outcome_id    varchar(100)   not null primary key,
    decision_id   varchar(64)    not null,
    initiative_id varchar(64)    not null,
    version       integer        not null,
    sequence      bigint         not null,
    verdict       varchar(20)    not null,
    observed      varchar(20000),
    note          varchar(20000),
    at            timestamp(6) with time zone not null,
    author        varchar(100)   not null
);
create index decision_outcome_decision on decision_outcome (decision_id, sequence);
create index decision_outcome_initiative on decision_outcome (initiative_id);

create table decision_review_due (
    review_id     varchar(100)   not null primary key,
    decision_id   varchar(64)    not null,
    initiative_id varchar(64)    not null,
    version       integer        not null,
    sequence      bigint         not null,
    review_by     date,
    at            timestamp(6) with time zone not null,
    author        varchar(100)   not null
);
create index decision_review_due_decision on decision_review_due (decision_id, sequence);
create index decision_review_due_initiative on decision_review_due (initiative_id);

-- What a decision's public history shows of the feedback behind it: its themes, never its words.
create table decision_feedback_theme (
    feedback_id varchar(64)   not null primary key,
    themes      varchar(4000) not null
);
