using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;

// Checks e-bill files offline (no database, no cluster): both signatures against the trusted
// certificates of a directory. Exit 0 all valid, 1 some file invalid, 2 wrong usage.
if (args.Length < 3 || args[0] != "--certs")
{
    Console.Error.WriteLine("usage: NonTax.EBillVerifier --certs <directory of *.cert.pem> <bill.xml> [more bills…]");
    return 2;
}

var certificates = new CertificateDirectory(args[1]);
if (certificates.All().Count == 0)
{
    Console.Error.WriteLine($"no trusted certificates (*.cert.pem) in {args[1]}");
    return 2;
}

var allValid = true;
foreach (var path in args.Skip(2))
{
    if (!File.Exists(path))
    {
        Console.WriteLine($"{path}: INVALID (no such file)");
        allValid = false;
        continue;
    }

    var result = EInvoiceVerifier.Verify(File.ReadAllBytes(path), certificates);
    var bill = result.Content is { } c ? $" bill {c.BillCode}-{c.BillNumber} {EInvoiceXml.Amount(c.TotalAmount)} payer {c.PayerParty.Name}" : "";
    Console.WriteLine($"{path}: {(result.IsValid ? "VALID" : "INVALID")}{bill}; unit signature {Verdict(result.UnitSignatureValid)}, finance signature {Verdict(result.FinanceSignatureValid)}");
    foreach (var problem in result.Problems)
    {
        Console.WriteLine("  " + problem);
    }

    allValid &= result.IsValid;
}

return allValid ? 0 : 1;

static string Verdict(bool valid) => valid ? "ok" : "FAILED";
