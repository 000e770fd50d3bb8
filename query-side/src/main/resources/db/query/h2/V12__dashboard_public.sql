-- The figures about people last published to the public dashboard of each initiative (heard.query.dashboard.Tallies
-- as JSON): public readers see these, replaced only by figures that differ from them in steps of at least
-- heard.privacy.min-cell, so that no two public snapshots in a row tell one submission apart.
create table dashboard_public (
    initiative_id varchar(64) not null primary key,
    step          bigint      not null,
    published_at  timestamp(6) with time zone not null,
    tallies       clob        not null
);
