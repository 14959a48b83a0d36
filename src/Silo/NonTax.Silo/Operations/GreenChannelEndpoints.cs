using Microsoft.AspNetCore.Mvc;

namespace NonTax.Silo.Operations;

/// <summary>Banks' free-form 2000 messages: listed newest first, marked read by the staff member who read them.</summary>
public static class GreenChannelEndpoints
{
    public static RouteGroupBuilder MapGreenChannelEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/green-channel", ListAsync);
        ops.MapPost("/green-channel/{id:long}/read", MarkReadAsync);
        return ops;
    }

    private static async Task<IResult> ListAsync([FromServices] GreenChannelInbox inbox, CancellationToken cancellationToken, int limit = 100, bool unread = false) =>
        OperatorJson.Ok(await inbox.ListAsync(limit, unread, cancellationToken));

    private static async Task<IResult> MarkReadAsync(long id, HttpContext context, [FromServices] GreenChannelInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, OperatorName.Of(context), cancellationToken)
            ? Results.NoContent()
            : Results.Problem($"no green channel message {id}", statusCode: StatusCodes.Status404NotFound);
}
