-- The query-side instances that are up: each one writes its row every second or so, and deletes it when it
-- stops. The instances whose row is fresh share every projection's segments evenly between them.
create table query_instance (
    instance_id varchar(255) not null primary key,
    seen_at     timestamp    not null
);
