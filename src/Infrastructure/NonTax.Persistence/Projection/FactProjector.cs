using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;

namespace NonTax.Persistence.Projection;

/// <summary>
/// An <see cref="IFactProjector"/> that registers a handler per fact record with
/// <see cref="On{TFact}"/>: the kind it handles is the record's <see cref="IFact.Kind"/>, and the
/// handler gets the payload read through <see cref="FactJson"/>, the same type the grain wrote.
/// </summary>
public abstract class FactProjector : IFactProjector
{
    private readonly Dictionary<string, Action<NpgsqlBatch, BusinessFact>> _handlers = new(StringComparer.Ordinal);

    public bool Handles(string kind) => _handlers.ContainsKey(kind);

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        if (_handlers.TryGetValue(fact.Kind, out var handler))
        {
            handler(batch, fact);
        }
    }

    /// <param name="handler">Adds the commands for one fact: the batch, the stored fact (id, instant) and its payload.</param>
    protected void On<TFact>(Action<NpgsqlBatch, BusinessFact, TFact> handler)
        where TFact : IFact =>
        _handlers.Add(TFact.Kind, (batch, fact) => handler(batch, fact, Read<TFact>(fact)));

    private static TFact Read<TFact>(BusinessFact fact)
        where TFact : IFact
    {
        try
        {
            return FactJson.Read<TFact>(fact);
        }
        catch (JsonException exception)
        {
            throw FactPayloadException.From(fact, exception);
        }
    }
}
