namespace NonTax.Grains.Notices;

/// <summary>What the notice grain does with a 2612 confirmation; see <see cref="ConfirmationDecision"/>.</summary>
internal enum ConfirmationPath
{
    /// <summary>Answered as things stand, nothing written: unknown code, malformed, or a resend.</summary>
    Answer,

    /// <summary>The first acceptable payment: the notice becomes paid.</summary>
    Revenue,

    /// <summary>The notice is already paid: recorded as a duplicate with a technical refund (10006).</summary>
    Duplicate,

    /// <summary>Void, expired or the wrong amount: recorded once as a refused attempt.</summary>
    Refusal,
}
