-- The shared cache's epoch: part of every cache key in Redis. A node that could not deliver an
-- invalidation (Redis away, or a partition) raises it, so that whatever Redis still holds from
-- before, or brings back from disk or a replica, is never read again.
CREATE TABLE cache_epoch (
    id    int    PRIMARY KEY CHECK (id = 1),
    epoch bigint NOT NULL
);
INSERT INTO cache_epoch (id, epoch) VALUES (1, 1);
