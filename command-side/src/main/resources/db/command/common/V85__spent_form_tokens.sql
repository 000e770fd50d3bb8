-- Form tokens already accepted, by the hash of their nonce and expiry, shared by every command-side instance:
-- the primary key lets only one post of a token through. A row is purged once the token has expired.
create table spent_form_token (
    token_hash varchar(64)  not null primary key,
    expires_at timestamp(6) with time zone not null
);
create index spent_form_token_expiry on spent_form_token (expires_at);
