using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Results;
using NonTax.Protocol.Security;
using NonTax.Protocol.Vouchers.Common;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2003 set communication token. The request is MAC'd with the old token (already verified);
/// NewToken is 3DES-encrypted under a key derived from the old token. The reply is signed with
/// the new token, and the old one stays valid for a grace period because that reply may be lost.
/// </summary>
public sealed class TokenChangeHandler(PeerRegistry peers, IOptions<EdgeOptions> options, ILogger<TokenChangeHandler> logger) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.TokenChange];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!request.TryParseVoucher<TokenChange>(out var change, out var refusal))
        {
            return refusal;
        }

        var encrypted = change.NewToken;

        // The request verified with one of the valid tokens; the key is derived from the one in force.
        var peer = request.Peer;
        if (!TokenCipher.TryDecrypt(encrypted, peer.Token, out var newToken)
            && !(peer.PreviousToken is not null && TokenCipher.TryDecrypt(encrypted, peer.PreviousToken, out newToken)))
        {
            return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.MalformedField, "NewToken: not 64 hex characters encrypting a 32-character token under the old token");
        }

        if (newToken == peer.Token)
        {
            return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.Success, "token unchanged") with { SigningToken = newToken };
        }

        if (!await peers.RotateTokenAsync(peer.NodeCode, newToken, options.Value.TokenChangeGrace, peer.Version, $"peer:{peer.NodeCode}", cancellationToken))
        {
            return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.GeneralFailure, "token changed concurrently; resend", isFinal: false);
        }

        logger.LogInformation("Peer {Peer} changed its communication token; the old one stays valid for {Grace}", peer.NodeCode, options.Value.TokenChangeGrace);
        return HandlerOutcome.Generic(request.Head.MsgNo, ResultCodes.Success, "token changed") with { SigningToken = newToken };
    }
}
