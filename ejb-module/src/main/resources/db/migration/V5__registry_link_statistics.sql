-- Each node's link counters as its host counts them (packets by type, bytes, retransmissions, loss, throughput), posted
-- with the node's status as a JSON object, so that every server shows the same statistics for every node: the host
-- is the one server that books every chunk on the node's link. Null until the host first posts. Portable SQL.
ALTER TABLE node_registry ADD COLUMN linkStatistics VARCHAR(4000);
