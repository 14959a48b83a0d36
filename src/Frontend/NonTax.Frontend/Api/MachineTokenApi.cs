using System.Security.Claims;
using NonTax.Frontend.MachineTokens;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Api;

/// <summary>
/// The machine tokens part of the JSON API (what /admin/machine-tokens does): list, mint (the
/// secret is in the answer once and nowhere else), revoke.
/// </summary>
public static class MachineTokenApi
{
    public static IEndpointRouteBuilder MapMachineTokenApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/machine-tokens").WithTags("Machine tokens").DisableAntiforgery()
            .RequireAuthorization(Permission.MachineTokensManage);

        api.MapGet("/", async (MachineTokenDesk desk, CancellationToken ct) => Results.Ok(await desk.ListAsync(ct)))
            .WithSummary("Machine tokens with their state (never a secret or hash)");

        api.MapPost("/", async (MachineTokenRequest request, ClaimsPrincipal user, MachineTokenDesk desk, CancellationToken ct) =>
            {
                var issue = await desk.CreateAsync(user, request, ct);
                return issue.Token is { } token
                    ? Results.Ok(new { token = MachineTokenView.Of(token, token.CreatedAt), secret = issue.Secret })
                    : Results.BadRequest(new { error = issue.Error });
            })
            .WithSummary("Mint a machine token with rights you hold yourself; the secret is shown in this answer only");

        api.MapPost("/{name}/revoke", async (string name, ClaimsPrincipal user, MachineTokenDesk desk, CancellationToken ct) =>
                await desk.RevokeAsync(user, name, ct) ? Results.NoContent() : Results.NotFound())
            .WithSummary("Revoke a machine token: the web app refuses it at once, the silo within its cache time");

        return endpoints;
    }
}
