-- Every process that sends CNNONTAX messages (silos, edge nodes) takes a number from this sequence
-- at start; it becomes the node part of its MsgIDs, so no two running processes share one.
CREATE SEQUENCE IF NOT EXISTS message_id_node_seq MINVALUE 0 MAXVALUE 999 START 0 CYCLE;
