using Serilog.Core;
using Serilog.Events;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Rewrites every log event's properties through <see cref="SensitiveDataMasker"/> before any
/// sink sees them, including properties nested in destructured objects, lists and dictionaries.
/// Runs as the last enricher so properties added by the log context are masked too. The message
/// template's literal text is written by developers and is not scanned. String values also lose
/// every secret value the process knows (<see cref="KnownSecrets"/>), whatever their property's name.
/// </summary>
public sealed class SensitiveDataEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(name, value);
            if (!ReferenceEquals(masked, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>Returns <paramref name="value"/> itself when nothing needed masking.</summary>
    public static LogEventPropertyValue Mask(string name, LogEventPropertyValue value) =>
        SensitiveDataMasker.Classify(name) switch
        {
            SensitivePropertyKind.Secret => value is ScalarValue { Value: null } ? value : new ScalarValue(SensitiveDataMasker.Hidden),
            SensitivePropertyKind.Identifier => MaskValue(value, identifier: true),
            SensitivePropertyKind.Reference => value,
            _ => MaskValue(value, identifier: false),
        };

    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value, bool identifier)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = identifier ? SensitiveDataMasker.MaskIdentifier(text) : SensitiveDataMasker.MaskText(KnownSecrets.Redact(text));
                return masked == text ? value : new ScalarValue(masked);
            case ScalarValue { Value: long or ulong or decimal } number when identifier:
                // An account number logged as a number is still an account number.
                return new ScalarValue(SensitiveDataMasker.MaskIdentifier(Convert.ToString(number.Value, System.Globalization.CultureInfo.InvariantCulture)!));
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Name, p.Value))).ToArray();
                return properties.Zip(structure.Properties).All(p => ReferenceEquals(p.First.Value, p.Second.Value))
                    ? value
                    : new StructureValue(properties, structure.TypeTag);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => MaskValue(e, identifier)).ToArray();
                return elements.Zip(sequence.Elements).All(p => ReferenceEquals(p.First, p.Second)) ? value : new SequenceValue(elements);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                    e.Key, e.Key.Value is string key ? Mask(key, e.Value) : MaskValue(e.Value, identifier))).ToArray();
                return entries.Zip(dictionary.Elements).All(p => ReferenceEquals(p.First.Value, p.Second.Value)) ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }
}
