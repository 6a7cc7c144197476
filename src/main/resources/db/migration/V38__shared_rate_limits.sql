-- Rate limits shared by every server node (timeledger.rate-limit.shared, decision 024): per
-- credential, the times (epoch milliseconds) of its last admitted requests, as many as the limit
-- allows — a request is admitted when fewer are kept, or when the oldest of them is a whole period
-- old, exactly as a single node counts them in memory (RateLimits). Unlogged: nothing here is
-- worth a disk write per request, and after a crash every credential starts with its full allowance.
CREATE UNLOGGED TABLE rate_window (
    credential text     NOT NULL,
    admitted   bigint[] NOT NULL,
    CONSTRAINT rate_window_pk PRIMARY KEY (credential)
);
