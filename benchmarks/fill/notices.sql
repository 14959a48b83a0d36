-- Fills a benchmark database with stored notices, so issue 7's "rates with 1,000,000 notices
-- stored" can be measured without issuing a million notices through the edge first (that alone
-- would take most of an hour on the benchmark machine). Used by deploy/local/bench.sh
-- (NONTAX_BENCH_FILL); never run against a real bureau's database.
--
-- Each stored notice is a copy of one real notice the system issued (and, for paid ones, one it
-- confirmed) in the same run, with the payment code — and for a paid notice the bank's TraNoBus —
-- replaced in every row the real path wrote: the grain's stored state, its business facts, its
-- unique claim, the projection rows (notice, lines, confirmation) and the edge's journal (both
-- archived frames and the stored reply of each exchange). Codes and TraNoBus have the template's
-- length, so the serialized state stays valid byte for byte; issuer digits "77" are ones no unit
-- of the sandbox allocates.
--
-- Row copies go through jsonb_populate_record in a LATERAL join: written as (f(...)).* PostgreSQL
-- would call it once per column.
--
-- psql variables: open (notices left unpaid), paid (notices stored as paid),
-- open_template and paid_template (payment codes of real notices of the run).
\set ON_ERROR_STOP on

BEGIN;
-- The edge's tables may live in either schema (they are moving into nontax).
SET LOCAL search_path = nontax, public;

CREATE TEMP TABLE fill_template ON COMMIT DROP AS
SELECT n.pay_code AS code, n.status = 'paid' AS paid, n.paid_src AS src, n.paid_tra_no_bus AS tra_no_bus
  FROM nontax.notices n
 WHERE n.pay_code IN (:'open_template', :'paid_template');

DO $$
BEGIN
    IF (SELECT count(*) FROM fill_template WHERE NOT paid) <> 1 OR (SELECT count(*) FROM fill_template WHERE paid) <> 1 THEN
        RAISE EXCEPTION 'fill: the templates must be one unpaid and one paid notice of this database';
    END IF;
END $$;

CREATE TEMP TABLE fill_codes ON COMMIT DROP AS
SELECT t.code AS template, t.paid, t.src, t.tra_no_bus AS template_tra_no_bus,
       '3206822677' || lpad(i::text, 9, '0') || '0' AS code,
       CASE WHEN t.paid THEN 'FL' || lpad(i::text, length(t.tra_no_bus) - 2, '0') END AS tra_no_bus,
       'FL' || lpad(i::text, 18, '0') AS msg_id
  FROM generate_series(1, :open + :paid) AS i
  JOIN fill_template t ON t.paid = (i > :open);

-- Replaces the template's code (and a paid one's TraNoBus) in a serialized payload without
-- decoding it: both are ASCII of unchanged length inside the bytes.
CREATE FUNCTION pg_temp.swap_hex(payload bytea, template text, code text, old_tra text, new_tra text) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $f$
    SELECT decode(replace(replace(encode(payload, 'hex'),
                                  encode(convert_to(template, 'UTF8'), 'hex'), encode(convert_to(code, 'UTF8'), 'hex')),
                          encode(convert_to(coalesce(old_tra, template), 'UTF8'), 'hex'),
                          encode(convert_to(coalesce(new_tra, code), 'UTF8'), 'hex')), 'hex')
$f$;

CREATE FUNCTION pg_temp.swap_text(value text, template text, code text, old_tra text, new_tra text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT replace(replace(value, template, code), coalesce(old_tra, template), coalesce(new_tra, code))
$f$;

-- The template rows, read once: every insert below joins the codes with a handful of rows.
CREATE TEMP TABLE tpl_state ON COMMIT DROP AS
SELECT * FROM nontax.grain_state WHERE grain_type = 'paymentnotice' AND grain_id IN (SELECT code FROM fill_template);
CREATE TEMP TABLE tpl_facts ON COMMIT DROP AS
SELECT * FROM nontax.business_facts WHERE subject IN (SELECT code FROM fill_template);
CREATE TEMP TABLE tpl_claims ON COMMIT DROP AS
SELECT u.*, t.code AS template FROM nontax.unique_claims u JOIN fill_template t ON u.owner LIKE t.code || '%';
CREATE TEMP TABLE tpl_notices ON COMMIT DROP AS SELECT * FROM nontax.notices WHERE pay_code IN (SELECT code FROM fill_template);
CREATE TEMP TABLE tpl_lines ON COMMIT DROP AS SELECT * FROM nontax.notice_lines WHERE pay_code IN (SELECT code FROM fill_template);
CREATE TEMP TABLE tpl_confirmations ON COMMIT DROP AS
SELECT * FROM nontax.payment_confirmations WHERE pay_code IN (SELECT code FROM fill_template);

INSERT INTO nontax.grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
SELECT s.grain_type, c.code, s.state_name, s.version, pg_temp.swap_hex(s.payload, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus), now()
  FROM fill_codes c JOIN tpl_state s ON s.grain_id = c.template;

INSERT INTO nontax.business_facts (fact_id, kind, subject, occurred_at, payload, recorded_at)
SELECT pg_temp.swap_text(f.fact_id, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus), f.kind, c.code, f.occurred_at, pg_temp.swap_text(f.payload::text, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus)::jsonb, now()
  FROM fill_codes c JOIN tpl_facts f ON f.subject = c.template;

INSERT INTO nontax.unique_claims (scope, key, owner, claimed_at)
SELECT u.scope, pg_temp.swap_text(u.key, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus), pg_temp.swap_text(u.owner, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus), now()
  FROM fill_codes c JOIN tpl_claims u ON u.template = c.template;

INSERT INTO nontax.notices
SELECT r.*
  FROM fill_codes c JOIN tpl_notices n ON n.pay_code = c.template,
       LATERAL jsonb_populate_record(null::nontax.notices, to_jsonb(n) || jsonb_build_object('pay_code', c.code, 'paid_tra_no_bus', c.tra_no_bus)) r;

INSERT INTO nontax.notice_lines
SELECT r.*
  FROM fill_codes c JOIN tpl_lines l ON l.pay_code = c.template,
       LATERAL jsonb_populate_record(null::nontax.notice_lines, to_jsonb(l) || jsonb_build_object('pay_code', c.code)) r;

INSERT INTO nontax.payment_confirmations
SELECT r.*
  FROM fill_codes c JOIN tpl_confirmations p ON p.pay_code = c.template,
       LATERAL jsonb_populate_record(null::nontax.payment_confirmations, to_jsonb(p) || jsonb_build_object(
           'confirmation_id', pg_temp.swap_text(p.confirmation_id, c.template, c.code, c.template_tra_no_bus, c.tra_no_bus),
           'pay_code', c.code, 'tra_no_bus', c.tra_no_bus)) r;

-- The edge's journal: per exchange (an 8994 for every notice, a 2612 more for a paid one, each
-- answered 5001) one stored reply and two archived frames, as the edge writes them.
CREATE TEMP TABLE fill_exchanges ON COMMIT DROP AS
SELECT c.msg_id || e.msg_no AS msg_id, e.msg_no
  FROM fill_codes c
  JOIN (VALUES ('8994', false), ('2612', true)) AS e(msg_no, paid_only) ON c.paid OR NOT e.paid_only;

INSERT INTO inbound_replies (src, msg_id, body_sha256, reply_msg_no, reply_body, result, created_at)
SELECT r.src, x.msg_id, r.body_sha256, r.reply_msg_no, r.reply_body, r.result, now()
  FROM fill_exchanges x
 CROSS JOIN (SELECT * FROM inbound_replies WHERE reply_msg_no = '5001' ORDER BY created_at DESC LIMIT 1) r;

CREATE TEMP TABLE tpl_archive ON COMMIT DROP AS
SELECT DISTINCT ON (msg_no) * FROM message_archive WHERE msg_no IN ('8994', '2612', '5001') ORDER BY msg_no, id DESC;

INSERT INTO message_archive (direction, peer, remote_address, msg_no, msg_id, msg_ref, result, note, raw_frame, recorded_at)
SELECT a.direction, a.peer, a.remote_address, a.msg_no, x.msg_id, a.msg_ref, a.result, a.note, a.raw_frame, now()
  FROM fill_exchanges x JOIN tpl_archive a ON a.msg_no IN (x.msg_no, '5001');

COMMIT;

ANALYZE;
