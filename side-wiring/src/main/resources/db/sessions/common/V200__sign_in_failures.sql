-- Numbered above every migration of either side so far: both run it, and Flyway runs no migration numbered below
-- one already applied. Later migrations of either side are numbered above it.
-- Failed staff sign-ins, counted per account and per client address (SignInThrottle), shared by every instance of
-- either side that uses this database, so that more instances do not give more guesses. A count older than the
-- lockout is gone: it is deleted at the next failure.
CREATE TABLE IF NOT EXISTS sign_in_failure (
    kind VARCHAR(8) NOT NULL,
    counted VARCHAR(100) NOT NULL,
    failures INT NOT NULL,
    last_failure BIGINT NOT NULL,
    CONSTRAINT sign_in_failure_pk PRIMARY KEY (kind, counted)
);
CREATE INDEX IF NOT EXISTS sign_in_failure_last ON sign_in_failure (last_failure);
