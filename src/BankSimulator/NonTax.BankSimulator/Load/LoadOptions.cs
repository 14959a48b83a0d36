using System.Globalization;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// How a load run is shaped, from the command line. Closed loop unless <see cref="Rate"/> is set:
/// then requests are sent at that fixed offered rate whatever the answers' latency.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>Relative weights of the operations, e.g. confirm 1 and duplicate 0.2.</summary>
    public required IReadOnlyDictionary<LoadOperation, double> Mix { get; init; }

    public int Concurrency { get; init; } = 64;

    /// <summary>Offered requests per second (open loop), or null for a closed loop.</summary>
    public double? Rate { get; init; }

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Issue notices with Hold1 = Y, so each confirmation is also sent to the unit platform (5996).</summary>
    public bool ConfirmBack { get; init; }

    /// <summary>A closed-loop client that got no answer (connection refused or broken) waits this long before its next request, as a bank's retry would.</summary>
    public TimeSpan PauseAfterFailure { get; init; }

    /// <summary>How long a bank waits for an answer before it gives up (result <c>timeout</c>); none waits forever.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>One message per connection as banks do, or one connection per client for many messages.</summary>
    public bool Persistent { get; init; }

    /// <summary>Notices to issue (8994) before the run so confirmations have unpaid codes.</summary>
    public int PreIssue { get; init; }

    /// <summary>A file of unpaid payment codes, one a line, to confirm instead of (or besides) pre-issuing.</summary>
    public string? CodesFile { get; init; }

    /// <summary>Where to append the codes this run leaves unpaid (issued, not confirmed) for the next run.</summary>
    public string? UnpaidOut { get; init; }

    /// <summary>Where to append the codes this run confirmed with 00000 (for a later duplicate run).</summary>
    public string? PaidOut { get; init; }

    /// <summary>A file of codes already confirmed, for duplicates.</summary>
    public string? PaidFile { get; init; }

    /// <summary>PostgreSQL connection string for the ledger check; none skips it.</summary>
    public string? LedgerConnection { get; init; }

    /// <summary>Schema holding payment_confirmations and technical_refunds: nontax (the system) or conventional.</summary>
    public string LedgerSchema { get; init; } = "nontax";

    public TimeSpan LedgerWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A name for the run in the report (e.g. system/confirm).</summary>
    public string Label { get; init; } = "load";

    /// <summary>A file to append the run's JSON line to.</summary>
    public string? JsonOut { get; init; }

    /// <summary>Serve the banks' own servers during the run so 5617 refunds are answered.</summary>
    public bool Serve { get; init; }

    /// <summary>
    /// Named profiles: issue, query, confirm, duplicate (only that operation) or mix (all four, with
    /// duplicates a fifth of confirmations); <c>--mix confirm=4,duplicate=1</c> sets weights directly.
    /// </summary>
    public static LoadOptions From(SimulatorArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var mix = arguments.Option("mix") is { } weights ? ParseMix(weights) : Profile(arguments.Option("profile", "mix"));
        var rate = arguments.Option("rate");
        return new LoadOptions
        {
            Mix = mix,
            Concurrency = int.Parse(arguments.Option("concurrency", "64"), CultureInfo.InvariantCulture),
            Rate = rate is null ? null : double.Parse(rate, CultureInfo.InvariantCulture),
            WarmUp = Seconds(arguments.Option("warmup", "3")),
            Duration = Seconds(arguments.Option("duration", "15")),
            Persistent = arguments.Option("connections", "short") switch
            {
                "short" => false,
                "persistent" => true,
                var other => throw new ArgumentException($"--connections is short or persistent, not {other}"),
            },
            PreIssue = int.Parse(arguments.Option("pre-issue", "0"), CultureInfo.InvariantCulture),
            CodesFile = arguments.Option("codes"),
            UnpaidOut = arguments.Option("unpaid-out"),
            PaidOut = arguments.Option("paid-out"),
            PaidFile = arguments.Option("paid"),
            LedgerConnection = arguments.Option("ledger") ?? Environment.GetEnvironmentVariable("NONTAX_LOAD_PG"),
            LedgerSchema = arguments.Option("ledger-schema", "nontax"),
            LedgerWait = Seconds(arguments.Option("ledger-wait", "60")),
            Label = arguments.Option("label", "load"),
            JsonOut = arguments.Option("json"),
            Serve = arguments.Option("serve") is "true",
        };
    }

    public static IReadOnlyDictionary<LoadOperation, double> Profile(string name) => name switch
    {
        "issue" => new Dictionary<LoadOperation, double> { [LoadOperation.Issue] = 1 },
        "query" => new Dictionary<LoadOperation, double> { [LoadOperation.Query] = 1 },
        "confirm" => new Dictionary<LoadOperation, double> { [LoadOperation.Confirm] = 1 },
        "duplicate" => new Dictionary<LoadOperation, double> { [LoadOperation.Duplicate] = 1 },
        "mix" => new Dictionary<LoadOperation, double>
        {
            [LoadOperation.Issue] = 2,
            [LoadOperation.Query] = 3,
            [LoadOperation.Confirm] = 5,
            [LoadOperation.Duplicate] = 1,
        },
        _ => throw new ArgumentException($"unknown profile {name}: issue, query, confirm, duplicate or mix"),
    };

    /// <summary>Parses <c>issue=1,confirm=4,duplicate=1</c>.</summary>
    public static IReadOnlyDictionary<LoadOperation, double> ParseMix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mix = new Dictionary<LoadOperation, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !Enum.TryParse<LoadOperation>(pair[0], ignoreCase: true, out var operation)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                throw new ArgumentException($"--mix entry '{part}' is not operation=weight (issue, query, confirm, duplicate)");
            }

            mix[operation] = weight;
        }

        return mix.Values.Sum() > 0 ? mix : throw new ArgumentException("--mix needs at least one positive weight");
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
