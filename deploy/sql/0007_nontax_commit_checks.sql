-- Guards used by the batched commit writer. A batch holds the writes of many grains in one
-- transaction; when one grain's write is stale or its unique claim is held by someone else, the
-- guard raises an error that names the unit (its position in the batch), so the writer can fail
-- exactly that unit and re-commit the others. Error codes: NX001 stale state, NX002 claim held.

CREATE OR REPLACE FUNCTION nontax.expect_state_applied(affected bigint, unit_no integer)
RETURNS void
LANGUAGE plpgsql AS
$fn$
BEGIN
    IF affected = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'NX001', MESSAGE = format('stale grain state, unit=%s', unit_no);
    END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION nontax.expect_claim_owner(actual_owner text, expected_owner text, unit_no integer)
RETURNS void
LANGUAGE plpgsql AS
$fn$
BEGIN
    IF actual_owner IS DISTINCT FROM expected_owner THEN
        RAISE EXCEPTION USING ERRCODE = 'NX002', MESSAGE = format('unique claim held, unit=%s, owner=%s', unit_no, actual_owner);
    END IF;
END
$fn$;
