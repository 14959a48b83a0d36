namespace NonTax.Frontend.Localization;

/// <summary>
/// Marker of the pages' one resource file. Pages are written in Chinese and look their text up
/// by that Chinese text: zh-CN (the default) finds no entry and shows the key itself, English finds
/// its translation in Resources/Localization.SharedResource.en.resx.
/// </summary>
public sealed class SharedResource;
