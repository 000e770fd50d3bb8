-- Each client address's token bucket for anonymous submissions, shared by every command-side instance
-- (Bucket4j's PostgreSQL backend); a row whose bucket is full again may be deleted (expires_at, epoch ms).
create table submission_bucket (
    client     varchar(255) not null primary key,
    state      bytea,
    expires_at bigint
);
