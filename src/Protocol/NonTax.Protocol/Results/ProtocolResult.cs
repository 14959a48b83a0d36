using System.Diagnostics.CodeAnalysis;

namespace NonTax.Protocol.Results;

/// <summary>A parsed value or the reason it could not be parsed; parsers return these instead of throwing.</summary>
public readonly struct ProtocolResult<T>
{
    private readonly T? _value;

    private ProtocolResult(T? value, ProtocolError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The refusal, when not successful.</summary>
    public ProtocolError? Error { get; }

    /// <summary>True when a value is present.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is an error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error}");

    /// <summary>A success.</summary>
    public static ProtocolResult<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static ProtocolResult<T> Failure(ProtocolError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Pattern-friendly access.</summary>
    public bool TryGetValue([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out ProtocolError? error)
    {
        value = _value;
        error = Error;
        return IsSuccess && value is not null;
    }

    /// <summary>Lifts a value.</summary>
    public static implicit operator ProtocolResult<T>(T value) => Success(value);

    /// <summary>Lifts an error.</summary>
    public static implicit operator ProtocolResult<T>(ProtocolError error) => Failure(error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error})";
}
