namespace NonTax.EBills.Document;

/// <summary>PayerPartyType: 1 a person, 2 an organisation.</summary>
public enum PayerPartyType
{
    Person = 1,
    Organisation = 2,
}
