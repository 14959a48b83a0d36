using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Rendering;
using NonTax.EBills.Signing;

// Checks e-bill files offline (no database, no cluster): both signatures against the trusted
// certificates of a directory; with --pdf, renders the face of one valid bill as a PDF.
// Exit 0 all valid, 1 some file invalid, 2 wrong usage or no usable font.
const string Usage = "usage: NonTax.EBillVerifier --certs <directory of *.cert.pem> [--pdf <out.pdf> [--link-base <url>] [--font <cjk.ttc>]] <bill.xml> [more bills…]";
string? certsDirectory = null, pdfPath = null, fontPath = null;
var linkBase = "http://localhost:5000/ebills";
var bills = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--certs" or "--pdf" or "--link-base" or "--font")
    {
        if (i + 1 >= args.Length)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var value = args[++i];
        switch (args[i - 1])
        {
            case "--certs": certsDirectory = value; break;
            case "--pdf": pdfPath = value; break;
            case "--link-base": linkBase = value; break;
            default: fontPath = value; break;
        }
    }
    else
    {
        bills.Add(args[i]);
    }
}

if (certsDirectory is null || bills.Count == 0 || (pdfPath is not null && bills.Count != 1))
{
    Console.Error.WriteLine(Usage + (pdfPath is not null && bills.Count > 1 ? " (--pdf renders one bill)" : ""));
    return 2;
}

var certificates = new CertificateDirectory(certsDirectory);
if (certificates.All().Count == 0)
{
    Console.Error.WriteLine($"no trusted certificates (*.cert.pem) in {certsDirectory}");
    return 2;
}

BillFaceRenderer? renderer = null;
if (pdfPath is not null)
{
    try
    {
        renderer = new BillFaceRenderer(BillFaceFont.Load(fontPath ?? BillFaceOptions.DefaultFontPath));
    }
    catch (BillFaceFontException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}

var allValid = true;
foreach (var path in bills)
{
    if (!File.Exists(path))
    {
        Console.WriteLine($"{path}: INVALID (no such file)");
        allValid = false;
        continue;
    }

    var file = File.ReadAllBytes(path);
    var result = EInvoiceVerifier.Verify(file, certificates);
    var bill = result.Content is { } c ? $" bill {c.BillCode}-{c.BillNumber} {EInvoiceXml.Amount(c.TotalAmount)} payer {c.PayerParty.Name}" : "";
    Console.WriteLine($"{path}: {(result.IsValid ? "VALID" : "INVALID")}{bill}; unit signature {Verdict(result.UnitSignatureValid)}, finance signature {Verdict(result.FinanceSignatureValid)}");
    foreach (var problem in result.Problems)
    {
        Console.WriteLine("  " + problem);
    }

    allValid &= result.IsValid;
    if (renderer is not null && pdfPath is not null)
    {
        // Only a bill whose signatures verify gets a face: a printed face must not lend an invalid file credibility.
        if (result is { IsValid: true, Content: { } content })
        {
            File.WriteAllBytes(pdfPath, renderer.Render(BillFace.Of(file, BillFace.VerificationUrlOf(linkBase, content.BillCode, content.BillNumber, content.CheckCode))));
            Console.WriteLine($"  face written to {pdfPath}");
        }
        else
        {
            Console.WriteLine($"  no face written: the bill is not valid");
        }
    }
}

return allValid ? 0 : 1;

static string Verdict(bool valid) => valid ? "ok" : "FAILED";
