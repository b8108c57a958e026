-- Sign-in locks (an account from one address, an account everywhere, re-authentication of an
-- account). Kept here, not in Redis, so that a Redis outage or restart never drops one; the failure
-- counters that lead to them stay in Redis. Keys are hashes of the user name and the address.
CREATE TABLE signin_locks (
    scope text NOT NULL,
    lock_key text NOT NULL,
    reason text NOT NULL,
    locked_until timestamptz NOT NULL,
    PRIMARY KEY (scope, lock_key)
);
CREATE INDEX signin_locks_expiry ON signin_locks (locked_until);
