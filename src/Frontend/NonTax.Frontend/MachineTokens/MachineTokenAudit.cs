using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;
using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Frontend.MachineTokens;

/// <summary>
/// Every request made with a machine token goes to the operation log under the token's own name
/// (<c>token:&lt;name&gt;</c>): the method and path (never the query, which may carry a payer's
/// details) and how it ended. A refused bearer call is logged too, under the token's name when it
/// was a known but expired or revoked one.
/// </summary>
public sealed class MachineTokenAudit(RequestDelegate next)
{
    public const string CallAction = "token.call";
    public const string RefusedAction = "token.refused";

    public async Task InvokeAsync(HttpContext context, AuditTrail audit, TimeProvider clock)
    {
        if (!MachineTokenSchemes.IsBearerRequest(context.Request))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            var target = $"{context.Request.Method} {context.Request.Path}";
            var status = context.Response.StatusCode;
            if (context.User.FindFirst(WebClaims.MachineToken) is { } name)
            {
                var outcome = status switch
                {
                    >= 500 => AuditTrail.Failed,
                    StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditTrail.Refused,
                    _ => AuditTrail.Succeeded,
                };
                await audit.RecordAsync(CallAction, target, outcome, $"HTTP {status}", MachineTokenRights.ActorOf(name.Value));
            }
            else
            {
                var known = context.Items[MachineTokenSchemes.RefusedTokenItem] as MachineToken;
                await audit.RecordAsync(RefusedAction, target, AuditTrail.Refused,
                    known is not null ? $"{known.StateAt(clock.GetUtcNow())} token {known.Prefix}…"
                        : context.Request.Path.StartsWithSegments("/api") ? "unknown token" : "a token outside /api",
                    known?.Actor ?? "anonymous");
            }
        }
    }
}
