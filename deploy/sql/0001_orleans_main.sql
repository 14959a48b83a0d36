-- Orleans ADO.NET providers: the catalogue of named queries.
--
-- Every Orleans ADO.NET provider loads its SQL at start with
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and refuses to start when a key it needs is
-- missing. The Orleans packages ship no SQL, so the project owns these definitions: later
-- migrations insert or replace rows here, always keeping the parameter names the providers bind
-- (@DeploymentId, @GrainIdHash, ...) and the column names they read back.
--
-- The Orleans objects live in schema "public" because the providers issue unqualified names.
-- Unquoted identifiers fold to lower case; the providers look columns up case-insensitively.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
