namespace NonTax.EBills.Rendering;

/// <summary>How the bill face is rendered (configuration section <c>EBills:Rendering</c>).</summary>
public sealed class BillFaceOptions
{
    public const string Section = "EBills:Rendering";

    /// <summary>Debian's fonts-wqy-zenhei: TrueType outlines, which PDFsharp embeds.</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>A TrueType font (.ttf) or collection (.ttc) with Chinese glyphs.</summary>
    public string FontPath { get; set; } = DefaultFontPath;

    /// <summary>Which face of a collection (.ttc) to use; 0 for a single font.</summary>
    public int FontIndex { get; set; }
}
