using NonTax.EBills.Rendering;

namespace NonTax.EBills.Tests;

/// <summary>The CJK font the tests render with: Debian's (deploy/local/test.sh installs fonts-wqy-zenhei).</summary>
internal static class BillFaceFonts
{
    public static string Path => Environment.GetEnvironmentVariable("NONTAX_BILLFACE_FONT") ?? BillFaceOptions.DefaultFontPath;

    public static BillFaceRenderer Renderer() => new(BillFaceFont.Load(Path));
}
