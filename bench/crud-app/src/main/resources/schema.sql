create table if not exists initiative (
    id    varchar(36)  not null primary key,
    title varchar(200) not null
);
create table if not exists initiative_group (
    initiative_id varchar(36) not null,
    code          varchar(40) not null,
    primary key (initiative_id, code)
);
create table if not exists feedback (
    id                 varchar(36)   not null primary key,
    initiative_id      varchar(36)   not null,
    text               varchar(20000) not null,
    channel            varchar(10)   not null,
    language           varchar(40)   not null,
    stakeholder_group  varchar(40)   not null,
    contact            varchar(320),
    follow_up_consent  boolean       not null,
    receipt_token_hash varchar(64)   not null unique,
    status             varchar(40)   not null,
    submitted_at       timestamp     not null,
    acknowledge_by     timestamp     not null
);
create index if not exists feedback_initiative on feedback (initiative_id, status);
