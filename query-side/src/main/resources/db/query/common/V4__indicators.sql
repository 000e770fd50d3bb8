-- Shared measurement: each initiative's indicators and the series of their values.

create table indicator_view (
    indicator_id  varchar(64)   not null primary key,
    initiative_id varchar(64)   not null,
    name          varchar(1000) not null,
    unit          varchar(200),
    direction     varchar(10)   not null,
    defined_at    timestamp(6) with time zone not null
);
create index indicator_view_initiative on indicator_view (initiative_id, defined_at);

create table indicator_measurement (
    measurement_id    varchar(100)     not null primary key,
    indicator_id      varchar(64)      not null,
    initiative_id     varchar(64)      not null,
    measured_value    double precision not null,
    measured_at       timestamp(6) with time zone not null,
    stakeholder_group varchar(40),
    sequence          bigint           not null,
    recorded_at       timestamp(6) with time zone not null,
    recorded_by       varchar(100)     not null
);
create index indicator_measurement_indicator on indicator_measurement (indicator_id, measured_at);
