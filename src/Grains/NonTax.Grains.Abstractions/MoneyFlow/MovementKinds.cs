namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>The <c>kind</c> of an <see cref="AccountMovement"/> (column <c>account_movements.kind</c>).</summary>
public static class MovementKinds
{
    /// <summary>2613 行间划转: money sent out of an account to another bank.</summary>
    public const string Transfer = "transfer";

    /// <summary>2615: transferred or cleared money credited.</summary>
    public const string Arrival = "arrival";

    /// <summary>2616: money credited through a virtual account.</summary>
    public const string VirtualArrival = "virtual_arrival";

    /// <summary>2619: in-transit money credited after its day was reconciled.</summary>
    public const string LateArrival = "late_arrival";

    /// <summary>2614: a clearing row the bank executed.</summary>
    public const string Clearing = "clearing";

    /// <summary>2618: a remittance the bank executed.</summary>
    public const string Remittance = "remittance";
}

/// <summary>Direction of an <see cref="AccountMovement"/> seen from its account.</summary>
public static class MovementDirections
{
    /// <summary>Money credited to the account.</summary>
    public const string In = "in";

    /// <summary>Money debited from the account.</summary>
    public const string Out = "out";
}
