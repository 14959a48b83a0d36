using Microsoft.AspNetCore.Mvc;
using NonTax.Infrastructure.Peers;

namespace NonTax.Silo.Operations;

/// <summary>
/// The peer registry for staff: list (never a token), edit name / endpoint / allowed networks /
/// acting units / enabled, and rotate a token agreed with the peer out of band. Every change goes
/// through <see cref="PeerRegistry"/>, which logs it in peer_changes without the token.
/// </summary>
public static class PeerEndpoints
{
    /// <summary>Default time the old token stays valid after a rotation by staff (the bank must switch its configuration).</summary>
    public static readonly TimeSpan DefaultRotationGrace = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapPeerEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/peers", ListAsync);
        ops.MapGet("/peers/{node}", FindAsync);
        ops.MapPost("/peers/{node}", UpdateAsync);
        ops.MapPost("/peers/{node}/token", RotateTokenAsync);
        return ops;
    }

    private static async Task<IResult> ListAsync([FromServices] PeerRegistry peers, CancellationToken cancellationToken) =>
        OperatorJson.Ok((await peers.ListAsync(cancellationToken)).Select(PeerView.From).ToArray());

    private static async Task<IResult> FindAsync(string node, [FromServices] PeerRegistry peers, CancellationToken cancellationToken) =>
        await peers.FindFreshAsync(node, cancellationToken) is { } peer ? OperatorJson.Ok(PeerView.From(peer)) : NotFound(node);

    private static async Task<IResult> UpdateAsync(string node, [FromBody] PeerUpdateRequest? request, HttpContext context, [FromServices] PeerRegistry peers, CancellationToken cancellationToken)
    {
        if (request?.ExpectedVersion is not { } version || request.Changes is not { IsEmpty: false } changes)
        {
            return BadRequest("give expectedVersion (the version you edited) and at least one change");
        }

        try
        {
            return await peers.UpdateAsync(node, changes, version, OperatorName.Of(context), cancellationToken) switch
            {
                PeerUpdateOutcome.Updated => OperatorJson.Ok(PeerView.From((await peers.FindFreshAsync(node, cancellationToken))!)),
                PeerUpdateOutcome.NotFound => NotFound(node),
                _ => Conflict(node),
            };
        }
        catch (ArgumentException invalid)
        {
            return BadRequest(invalid.Message);
        }
    }

    private static async Task<IResult> RotateTokenAsync(string node, [FromBody] TokenRotationRequest? request, HttpContext context, [FromServices] PeerRegistry peers, [FromServices] IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (request?.Token is not { } token || !PeerDefinition.IsUsableToken(token))
        {
            return BadRequest(PeerDefinition.TokenRule);
        }

        var grace = request.Grace ?? configuration.GetValue("Operations:TokenRotationGrace", DefaultRotationGrace);
        if (grace < TimeSpan.Zero)
        {
            return BadRequest("grace must not be negative");
        }

        var peer = await peers.FindFreshAsync(node, cancellationToken);
        if (peer is null)
        {
            return NotFound(node);
        }

        var rotated = await peers.RotateTokenAsync(node, token, grace, request.ExpectedVersion ?? peer.Version, OperatorName.Of(context), cancellationToken);
        return rotated ? OperatorJson.Ok(PeerView.From((await peers.FindFreshAsync(node, cancellationToken))!)) : Conflict(node);
    }

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string node) => Results.Problem($"no peer {node}", statusCode: StatusCodes.Status404NotFound);

    private static IResult Conflict(string node) =>
        Results.Problem($"peer {node} changed since the version given; reload it and try again", statusCode: StatusCodes.Status409Conflict);
}
