using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Infrastructure.Projection.Queries.BankAccounts;
using NonTax.Silo.Outbound;

namespace NonTax.Silo.Operations;

/// <summary>
/// Fiscal and supervised accounts (账户) for staff: the accounts with their latest day (paged by
/// account number), one account as its grain holds it with its days (latest first, paged by day),
/// closing an account's pending days now, and the supervised accounts with their units. Days are <c>yyyyMMdd</c>.
/// </summary>
public static class BankAccountEndpoints
{
    public static RouteGroupBuilder MapBankAccountEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/bank-accounts", AccountsAsync);
        ops.MapGet("/bank-accounts/supervised", SupervisedAsync);
        ops.MapGet("/bank-accounts/{account}", AccountAsync);
        ops.MapPost("/bank-accounts/{account}/close", CloseAsync);
        return ops;
    }

    private static async Task<IResult> AccountsAsync([FromServices] BankAccountQueries queries, CancellationToken cancellationToken,
        string? after = null, int limit = 100) =>
        OperatorJson.Ok(await queries.AccountsAsync(after, limit, cancellationToken));

    /// <summary>The supervised accounts the 2581 covers and 5981 publishes, each with its unit.</summary>
    private static async Task<IResult> SupervisedAsync([FromServices] IGrainFactory grains, [FromServices] FinanceNodeIdentity financeNode) =>
        OperatorJson.Ok(await grains.GetGrain<IBaseDataPublisherGrain>(financeNode.Code).GetSupervisedAccounts());

    private static async Task<IResult> AccountAsync(string account, [FromServices] IGrainFactory grains, [FromServices] BankAccountQueries queries,
        CancellationToken cancellationToken, string? before = null, int limit = 100)
    {
        if (!IsAccountNo(account))
        {
            return BadAccount(account);
        }

        DateOnly? beforeDay = null;
        if (before is not null)
        {
            if (!DateOnly.TryParseExact(before, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Results.Problem($"before: '{before}' is not a yyyyMMdd day", statusCode: StatusCodes.Status400BadRequest);
            }

            beforeDay = parsed;
        }

        var view = await grains.GetGrain<IBankAccountGrain>(account).Get();
        var days = await queries.DaysAsync(account, beforeDay, limit, cancellationToken);
        return OperatorJson.Ok(new { account = view, days });
    }

    private static async Task<IResult> CloseAsync(string account, [FromServices] IGrainFactory grains) =>
        IsAccountNo(account) ? OperatorJson.Ok(await grains.GetGrain<IBankAccountGrain>(account).Close()) : BadAccount(account);

    /// <summary>An account number as a 2556/2581 may carry it (AcctNo: up to 50 characters), without spaces or control characters.</summary>
    public static bool IsAccountNo(string account) =>
        account.Length is > 0 and <= 50 && !account.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static IResult BadAccount(string account) =>
        Results.Problem($"'{account}' is not an account number (1 to 50 characters, no spaces)", statusCode: StatusCodes.Status400BadRequest);
}
