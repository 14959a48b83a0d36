using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.BaseData;
using NonTax.SocketEdge.Messages;
using Npgsql;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2952 (bank → finance, answered 5001): a bank's result of applying a 5952 account refresh. The
/// refresh's row in <c>base_data_pushes</c> was written when it was queued, so an ack naming a
/// SeqNo never sent to this bank is refused 20001. The result, the per-account errors and whether
/// a newer refresh was already sent to the bank (the ack is then stale) are stored in one
/// transaction.
/// </summary>
public sealed class AccountRefreshAckHandler(NpgsqlDataSource dataSource) : IMessageHandler
{
    private const string RecordAckSql = """
        UPDATE nontax.base_data_pushes AS p
           SET ack_result = $4, ack_at = now(), ack_msg_id = $5, ack_msg_ref = $6,
               ack_stale = p.seq_no < (SELECT max(n.seq_no) FROM nontax.base_data_pushes n WHERE n.msg_no = p.msg_no AND n.peer = p.peer)
         WHERE p.msg_no = $1 AND p.seq_no = $2 AND p.peer = $3
        RETURNING p.ack_stale
        """;

    private const string RecordErrorSql = """
        INSERT INTO nontax.base_data_push_errors (msg_no, seq_no, peer, acct_no, code, reason)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (msg_no, seq_no, peer, acct_no) DO UPDATE SET code = EXCLUDED.code, reason = EXCLUDED.reason
        """;

    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.AccountRefreshAck];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        if (!AccountRefreshAck.Parse(request.Envelope.First.Voucher).TryGetValue(out var ack, out var error))
        {
            return HandlerOutcome.Generic(msgNo, error.ResultCode, error.Information);
        }

        var peer = request.Peer.NodeCode;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool stale;
        await using (var update = new NpgsqlCommand(RecordAckSql, connection, transaction))
        {
            update.Parameters.AddWithValue(MsgNos.AccountRefresh);
            update.Parameters.AddWithValue(ack.SeqNo);
            update.Parameters.AddWithValue(peer);
            update.Parameters.AddWithValue(ack.Result);
            update.Parameters.AddWithValue(request.Head.MsgId);
            update.Parameters.AddWithValue(request.Head.MsgRef);
            if (await update.ExecuteScalarAsync(cancellationToken) is not bool flagged)
            {
                return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, $"SeqNo: no 5952 with SeqNo {ack.SeqNo} was sent to {peer}");
            }

            stale = flagged;
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var accountError in ack.Errors)
            {
                var command = new NpgsqlBatchCommand(RecordErrorSql);
                command.Parameters.AddWithValue(MsgNos.AccountRefresh);
                command.Parameters.AddWithValue(ack.SeqNo);
                command.Parameters.AddWithValue(peer);
                command.Parameters.AddWithValue(accountError.AcctNo);
                command.Parameters.AddWithValue(accountError.Code);
                command.Parameters.AddWithValue(accountError.Reason);
                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var information = stale
            ? $"acknowledgement of SeqNo {ack.SeqNo} recorded as stale: a newer refresh was sent"
            : $"acknowledgement of SeqNo {ack.SeqNo} recorded";
        return HandlerOutcome.Generic(msgNo, ResultCodes.Success, information);
    }
}
