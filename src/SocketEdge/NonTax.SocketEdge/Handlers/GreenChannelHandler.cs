using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Common;
using NonTax.SocketEdge.Messages;
using Npgsql;

namespace NonTax.SocketEdge.Handlers;

/// <summary>2000 "green channel" free-form message from a bank: stored for staff to read, answered 5001.</summary>
public sealed class GreenChannelHandler(NpgsqlDataSource dataSource) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.BankGreenChannel];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!request.TryParseVoucher<GreenChannelMessage>(out var message, out var refusal))
        {
            return refusal;
        }

        await using var command = dataSource.CreateCommand(
            "INSERT INTO nontax.green_channel_messages (src, msg_id, title, content, sender) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (src, msg_id) DO NOTHING");
        command.Parameters.AddWithValue(request.Peer.NodeCode);
        command.Parameters.AddWithValue(request.Head.MsgId);
        command.Parameters.AddWithValue(message.Title);
        command.Parameters.AddWithValue(message.Content);
        command.Parameters.AddWithValue(message.Sender);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.Success, "received");
    }
}
