namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>
/// The history of a link's messages as the relational projection holds it (delivered and closed
/// ones too, which the <see cref="IBankLinkGrain"/> no longer keeps). The projection commits with
/// the link's state, so it never lags a committed change; attempts and the last error of a
/// message still being retried are as of its last fact, the grain knows them live.
/// </summary>
public interface IOutboundMessageLog
{
    /// <summary>The peer's most recently queued messages, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboundMessageView>> RecentAsync(string peerNodeCode, int limit, CancellationToken cancellationToken = default);
}
