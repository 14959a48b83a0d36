-- The socket edge's tables and sequence move from schema public into the project's schema, so
-- public holds only Orleans' own tables and each process role can be granted by schema. SET
-- SCHEMA moves a table with its rows, indexes, constraints and serial sequences in place (no
-- copy, one short lock per table). Idempotent: a table already moved, or created in nontax by a
-- fresh install of a later version, is left alone.
DO $move$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['peers', 'peer_changes', 'message_archive', 'inbound_replies',
                                'green_channel_messages', 'base_data_pushes', 'base_data_push_errors']
    LOOP
        IF to_regclass('public.' || name) IS NOT NULL AND to_regclass('nontax.' || name) IS NULL THEN
            EXECUTE format('ALTER TABLE public.%I SET SCHEMA nontax', name);
        END IF;
    END LOOP;
    IF to_regclass('public.message_id_node_seq') IS NOT NULL AND to_regclass('nontax.message_id_node_seq') IS NULL THEN
        ALTER SEQUENCE public.message_id_node_seq SET SCHEMA nontax;
    END IF;
END
$move$;
