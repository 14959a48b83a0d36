namespace NonTax.BankSimulator;

/// <summary>Command line: a verb, positional values and <c>--name value</c> options.</summary>
public sealed class SimulatorArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public SimulatorArguments(string[] args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                _options[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        Verb = positional.Count > 0 ? positional[0] : "help";
        Values = positional.Skip(1).ToList();
    }

    public string Verb { get; }

    public IReadOnlyList<string> Values { get; }

    public string Option(string name, string fallback) => _options.TryGetValue(name, out var value) ? value : fallback;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Value(int index, string what) =>
        index < Values.Count ? Values[index] : throw new ArgumentException($"missing {what}");
}
