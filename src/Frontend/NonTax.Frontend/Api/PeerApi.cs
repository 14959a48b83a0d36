using System.Security.Claims;
using NonTax.Frontend.Peers;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Peers;

namespace NonTax.Frontend.Api;

/// <summary>
/// The peers part of the JSON API (what the peers page does): list peers and token changes,
/// propose a token, approve or reject another user's proposal. Refusals name their reason in
/// <c>outcome</c>; a token is never returned.
/// </summary>
public static class PeerApi
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapPeerApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/peers").WithTags("Peers").DisableAntiforgery();

        api.MapGet("/", async (PeerTokenChanges changes, CancellationToken ct) => Results.Ok(await changes.ListPeersAsync(ct)))
            .RequireAuthorization(Permission.PeersView)
            .WithSummary("Peers (banks, platforms, unit platforms) without their tokens");

        api.MapGet("/token-changes", async (PeerTokenChanges changes, string? node, CancellationToken ct) => Results.Ok(await changes.ListProposalsAsync(node, cancellationToken: ct)))
            .RequireAuthorization(Permission.PeersView)
            .WithSummary("Token changes: pending first, then decided (never the token)");

        api.MapPost("/{node}/token-changes", async (string node, PeerTokenProposalRequest request, ClaimsPrincipal user, PeerTokenChanges changes, CancellationToken ct) =>
            {
                // Out-of-range hours are refused here, before TimeSpan could overflow on them.
                if (request.GraceHours is { } hours && (!double.IsFinite(hours) || hours < 0 || hours > PeerTokenChanges.MaxGrace.TotalHours))
                {
                    return Refusal(PeerTokenOutcome.InvalidGrace);
                }

                var (outcome, id) = await changes.ProposeAsync(user, node, request.Token, request.GraceHours is { } h ? TimeSpan.FromHours(h) : DefaultGrace, ct);
                return outcome == PeerTokenOutcome.Proposed ? Results.Ok(new { outcome = outcome.ToString(), id }) : Refusal(outcome);
            })
            .RequireAuthorization(Permission.PeersPropose)
            .WithSummary("Propose a peer's new token (8–64 printable ASCII characters); a second user must approve it");

        api.MapPost("/token-changes/{id:long}/approve", async (long id, ClaimsPrincipal user, PeerTokenChanges changes, CancellationToken ct) =>
                await changes.ApproveAsync(user, id, ct) is var outcome && outcome == PeerTokenOutcome.Approved ? Results.Ok(new { outcome = outcome.ToString() }) : Refusal(outcome))
            .RequireAuthorization(Permission.PeersApprove)
            .WithSummary("Approve another user's proposed token: it takes effect now, the old one stays valid for the grace period");

        api.MapPost("/token-changes/{id:long}/reject", async (long id, PeerTokenDecisionRequest? request, ClaimsPrincipal user, PeerTokenChanges changes, CancellationToken ct) =>
                await changes.RejectAsync(user, id, request?.Note, ct) is var outcome && outcome == PeerTokenOutcome.Rejected ? Results.Ok(new { outcome = outcome.ToString() }) : Refusal(outcome))
            .RequireAuthorization(Permission.PeersApprove)
            .WithSummary("Reject another user's proposed token; nothing changes for the peer");

        return endpoints;
    }

    private static IResult Refusal(PeerTokenOutcome outcome) => outcome switch
    {
        PeerTokenOutcome.UnknownPeer or PeerTokenOutcome.NotPending => Results.NotFound(new { outcome = outcome.ToString() }),
        PeerTokenOutcome.OwnProposal => Results.Json(new { outcome = outcome.ToString() }, statusCode: StatusCodes.Status403Forbidden),
        PeerTokenOutcome.AlreadyPending or PeerTokenOutcome.PeerChanged => Results.Conflict(new { outcome = outcome.ToString() }),
        _ => Results.BadRequest(new { outcome = outcome.ToString() }),
    };
}
