using System.Diagnostics.CodeAnalysis;
using NonTax.Protocol.Vouchers;

namespace NonTax.SocketEdge.Messages;

public static class InboundRequestExtensions
{
    /// <summary>
    /// Parses the request's first voucher as <typeparamref name="T"/>; when it does not parse,
    /// <paramref name="refusal"/> is the 5001 naming the field (20001), ready to return.
    /// </summary>
    public static bool TryParseVoucher<T>(this InboundRequest request, [NotNullWhen(true)] out T? voucher, [NotNullWhen(false)] out HandlerOutcome? refusal)
        where T : ITypedVoucher<T>
    {
        if (T.Parse(request.Envelope.First.Voucher).TryGetValue(out voucher, out var error))
        {
            refusal = null;
            return true;
        }

        refusal = HandlerOutcome.Generic(request.Head.MsgNo, error.ResultCode, error.Information);
        return false;
    }
}
